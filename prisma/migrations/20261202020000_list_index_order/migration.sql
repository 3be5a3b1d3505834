-- Lists page in (column DESC, id DESC) order: indexes that end in the same order serve a page
-- without sorting the tickets that share a timestamp (a bulk import can make thousands).
DROP INDEX "Ticket_workspaceId_updatedAt_id_idx";
CREATE INDEX "Ticket_workspaceId_updatedAt_id_idx" ON "Ticket"("workspaceId", "updatedAt" DESC, "id" DESC);
DROP INDEX "Ticket_workspaceId_status_updatedAt_idx";
CREATE INDEX "Ticket_workspaceId_status_updatedAt_id_idx" ON "Ticket"("workspaceId", "status", "updatedAt" DESC, "id" DESC);
DROP INDEX "Ticket_workspaceId_assigneeId_status_updatedAt_idx";
CREATE INDEX "Ticket_workspaceId_assigneeId_status_updatedAt_id_idx" ON "Ticket"("workspaceId", "assigneeId", "status", "updatedAt" DESC, "id" DESC);
DROP INDEX "Ticket_workspaceId_teamId_status_updatedAt_idx";
CREATE INDEX "Ticket_workspaceId_teamId_status_updatedAt_id_idx" ON "Ticket"("workspaceId", "teamId", "status", "updatedAt" DESC, "id" DESC);

-- A created range is read from this index alone (it carries what the other orders sort by), and
-- the list sorted by creation walks it backwards.
DROP INDEX "Ticket_workspaceId_createdAt_idx";
CREATE INDEX "Ticket_workspaceId_createdAt_id_updatedAt_priority_idx" ON "Ticket"("workspaceId", "createdAt", "id", "updatedAt", "priority");

-- The search documents' GIN indexes also hold the status, so text and a status filter meet inside
-- the index (a search of the open tickets reads only open matches).
DROP INDEX "Ticket_searchPublic_idx";
CREATE INDEX "Ticket_searchPublic_idx" ON "Ticket" USING GIN ("workspaceId", "status", "searchPublic");
DROP INDEX "Ticket_searchAll_idx";
CREATE INDEX "Ticket_searchAll_idx" ON "Ticket" USING GIN ("workspaceId", "status", "searchAll");

-- Contacts alphabetically, matched by part of a name, email or company: the walk reads the index only.
DROP INDEX "Contact_workspaceId_name_idx";
CREATE INDEX "Contact_workspaceId_name_id_email_company_idx" ON "Contact"("workspaceId", "name", "id", "email", "company");
