-- SLA policies (targets per priority, optionally per team or tag) and the workspace's business hours.
CREATE TABLE "SlaPolicy" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "teamId" TEXT,
    "tag" TEXT,
    "targets" JSONB NOT NULL,
    "businessHours" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SlaPolicy_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "SlaPolicy_workspaceId_name_key" ON "SlaPolicy"("workspaceId", "name");
CREATE INDEX "SlaPolicy_workspaceId_position_idx" ON "SlaPolicy"("workspaceId", "position");

ALTER TABLE "SlaPolicy" ADD CONSTRAINT "SlaPolicy_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SlaPolicy" ADD CONSTRAINT "SlaPolicy_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "BusinessHours" (
    "workspaceId" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "weekly" JSONB NOT NULL,
    "holidays" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BusinessHours_pkey" PRIMARY KEY ("workspaceId")
);

ALTER TABLE "BusinessHours" ADD CONSTRAINT "BusinessHours_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Nullable columns and constant defaults: no rewrite of the ticket table.
ALTER TABLE "Ticket" ADD COLUMN "slaPolicyId" TEXT,
ADD COLUMN "firstResponseDueAt" TIMESTAMP(3),
ADD COLUMN "resolutionDueAt" TIMESTAMP(3),
ADD COLUMN "slaDueAt" TIMESTAMP(3),
ADD COLUMN "slaPausedAt" TIMESTAMP(3),
ADD COLUMN "slaPausedMinutes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "slaBreachedAt" TIMESTAMP(3),
ADD COLUMN "firstResponseMissed" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "resolutionMissed" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_slaPolicyId_fkey" FOREIGN KEY ("slaPolicyId") REFERENCES "SlaPolicy"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Only tickets with a running SLA clock, or a breach while worked, are in these: small at any volume.
-- "Due within 1 h" and the breach job range over the first; "breached" walks the second in the list's
-- order, plus the few tickets of the first whose due time passed since the job last ran.
CREATE INDEX "Ticket_workspaceId_slaDueAt_idx" ON "Ticket"("workspaceId", "slaDueAt") WHERE "slaDueAt" IS NOT NULL;
CREATE INDEX "Ticket_workspaceId_breached_updatedAt_id_idx" ON "Ticket"("workspaceId", "updatedAt" DESC, "id" DESC) WHERE "slaBreachedAt" IS NOT NULL;
CREATE INDEX "Ticket_slaPolicyId_idx" ON "Ticket"("slaPolicyId") WHERE "slaPolicyId" IS NOT NULL;
