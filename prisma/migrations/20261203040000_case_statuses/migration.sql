-- Workspace-defined sub-statuses, each refining one base status, and per-workspace workflow rules.
CREATE TABLE "CaseStatus" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "baseStatus" "TicketStatus" NOT NULL,
    "color" TEXT NOT NULL DEFAULT 'slate',
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CaseStatus_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "CaseStatus_workspaceId_name_key" ON "CaseStatus"("workspaceId", "name");
CREATE UNIQUE INDEX "CaseStatus_id_baseStatus_key" ON "CaseStatus"("id", "baseStatus");
CREATE INDEX "CaseStatus_workspaceId_position_idx" ON "CaseStatus"("workspaceId", "position");

ALTER TABLE "CaseStatus" ADD CONSTRAINT "CaseStatus_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "CaseWorkflow" (
    "workspaceId" TEXT NOT NULL,
    "reopenWindowDays" INTEGER,
    "autoCloseDays" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CaseWorkflow_pkey" PRIMARY KEY ("workspaceId")
);

ALTER TABLE "CaseWorkflow" ADD CONSTRAINT "CaseWorkflow_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Nullable columns without defaults: no rewrite of the ticket table.
ALTER TABLE "Ticket" ADD COLUMN "closedAt" TIMESTAMP(3),
ADD COLUMN "caseStatusId" TEXT,
ADD COLUMN "followUpOfId" TEXT;

-- A sub-status in use cannot be deleted (NO ACTION, checked at the end of the statement, so deleting
-- a whole workspace still cascades). The second key holds the ticket's status equal to its
-- sub-status's base status: a status change that forgets to clear a sub-status of another base fails.
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_caseStatusId_fkey" FOREIGN KEY ("caseStatusId") REFERENCES "CaseStatus"("id") ON DELETE NO ACTION ON UPDATE CASCADE;
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_caseStatusId_status_fkey" FOREIGN KEY ("caseStatusId", "status") REFERENCES "CaseStatus"("id", "baseStatus") ON DELETE NO ACTION ON UPDATE NO ACTION;
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_followUpOfId_fkey" FOREIGN KEY ("followUpOfId") REFERENCES "Ticket"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The list narrowed to one sub-status, in the list's order.
CREATE INDEX "Ticket_workspaceId_caseStatusId_updatedAt_id_idx" ON "Ticket"("workspaceId", "caseStatusId", "updatedAt" DESC, "id" DESC);
CREATE INDEX "Ticket_followUpOfId_idx" ON "Ticket"("followUpOfId");
