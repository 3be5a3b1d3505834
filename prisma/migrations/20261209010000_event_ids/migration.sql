-- Audit and domain event ids come from PostgreSQL: both are written many rows per statement
-- through a raw insert, which has no client-side id generator.
ALTER TABLE "AuditEvent" ALTER COLUMN "id" SET DEFAULT gen_random_uuid()::text;
ALTER TABLE "DomainEvent" ALTER COLUMN "id" SET DEFAULT gen_random_uuid()::text;
