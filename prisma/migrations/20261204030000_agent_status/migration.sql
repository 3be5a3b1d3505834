-- Agent status per workspace member, and round-robin auto-assignment among a team's online members.
CREATE TYPE "AgentStatus" AS ENUM ('online', 'away', 'offline');

ALTER TABLE "Membership" ADD COLUMN "status" "AgentStatus" NOT NULL DEFAULT 'offline',
ADD COLUMN "statusChangedAt" TIMESTAMP(3);

ALTER TABLE "Workspace" ADD COLUMN "roundRobin" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "TeamMember" ADD COLUMN "lastAutoAssignedAt" TIMESTAMP(3);
