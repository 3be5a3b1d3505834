-- Replies from MCP clients as drafts (workspace-wide or per credential), and the MCP lockdown.
ALTER TABLE "Workspace" ADD COLUMN "mcpRepliesAsDrafts" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Workspace" ADD COLUMN "mcpLockdown" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Ticket" ADD COLUMN "reviewedAt" TIMESTAMP(3);
ALTER TABLE "Credential" ADD COLUMN "draftsOnly" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "OAuthGrant" ADD COLUMN "draftsOnly" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "OAuthConsent" ADD COLUMN "draftsOnly" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "DraftReply" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "proposedById" TEXT,
    "credentialId" TEXT,
    "credentialName" TEXT,
    "credentialKind" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DraftReply_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "DraftReply_ticketId_createdAt_idx" ON "DraftReply"("ticketId", "createdAt");
CREATE INDEX "DraftReply_workspaceId_createdAt_idx" ON "DraftReply"("workspaceId", "createdAt");
ALTER TABLE "DraftReply" ADD CONSTRAINT "DraftReply_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "DraftReply" ADD CONSTRAINT "DraftReply_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "DraftReply" ADD CONSTRAINT "DraftReply_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
