import "server-only";
import { prisma } from "@/lib/db";
import type { PlanTier } from "@/lib/generated/prisma/enums";

/** How long each plan keeps its audit trail. */
export const AUDIT_RETENTION_DAYS: Record<PlanTier, number> = {
  starter: 90,
  professional: 365,
  enterprise: 730,
};

/** Rows per statement: small enough that no delete holds its locks (or the embedded database) for long. */
const BATCH = 5_000;

export type PruneAuditEventsOptions = {
  /** The moment retention is measured from; now by default. */
  now?: Date;
};

/**
 * Deletes audit events older than their workspace's plan keeps, in batches. Safe to run twice:
 * a second run finds nothing left to delete.
 */
export async function pruneAuditEvents({ now = new Date() }: PruneAuditEventsOptions = {}): Promise<number> {
  let deleted = 0;
  for (const [plan, days] of Object.entries(AUDIT_RETENTION_DAYS) as [PlanTier, number][]) {
    const cutoff = new Date(now.getTime() - days * 86_400_000);
    for (;;) {
      const n = await prisma.$executeRaw`
        DELETE FROM "AuditEvent" WHERE id IN (
          SELECT a.id FROM "AuditEvent" a JOIN "Workspace" w ON w.id = a."workspaceId"
          WHERE w."planTier" = ${plan}::"PlanTier" AND a."createdAt" < ${cutoff}
          LIMIT ${BATCH})`;
      deleted += n;
      if (n < BATCH) break;
    }
  }
  return deleted;
}
