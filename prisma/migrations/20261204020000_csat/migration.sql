-- CSAT: a rating request per resolution of a ticket (a signed, expiring link) and the rating it received.
CREATE TYPE "CsatScale" AS ENUM ('good_bad', 'one_to_five');

ALTER TABLE "Workspace" ADD COLUMN "csatScale" "CsatScale" NOT NULL DEFAULT 'good_bad';

CREATE TABLE "CsatRequest" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "scale" "CsatScale" NOT NULL,
    "agentId" TEXT,
    "teamId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "score" INTEGER,
    "satisfied" BOOLEAN,
    "comment" TEXT,
    "ratedAt" TIMESTAMP(3),

    CONSTRAINT "CsatRequest_pkey" PRIMARY KEY ("id"),
    -- A score belongs to the five-point scale only, and a rating always says whether it is satisfied.
    CONSTRAINT "CsatRequest_score_check" CHECK (
        ("score" IS NULL OR ("scale" = 'one_to_five' AND "score" BETWEEN 1 AND 5))
        AND (("ratedAt" IS NULL) = ("satisfied" IS NULL))
    )
);

CREATE UNIQUE INDEX "CsatRequest_key_key" ON "CsatRequest"("key");
CREATE INDEX "CsatRequest_ticketId_createdAt_idx" ON "CsatRequest"("ticketId", "createdAt" DESC);
CREATE INDEX "CsatRequest_workspaceId_ratedAt_id_idx" ON "CsatRequest"("workspaceId", "ratedAt" DESC, "id" DESC);
CREATE INDEX "CsatRequest_workspaceId_agentId_ratedAt_idx" ON "CsatRequest"("workspaceId", "agentId", "ratedAt" DESC);
CREATE INDEX "CsatRequest_workspaceId_teamId_ratedAt_idx" ON "CsatRequest"("workspaceId", "teamId", "ratedAt" DESC);

ALTER TABLE "CsatRequest" ADD CONSTRAINT "CsatRequest_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CsatRequest" ADD CONSTRAINT "CsatRequest_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CsatRequest" ADD CONSTRAINT "CsatRequest_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "CsatRequest" ADD CONSTRAINT "CsatRequest_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;
