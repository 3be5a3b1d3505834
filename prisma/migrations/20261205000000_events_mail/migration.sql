-- Domain events (an outbox written with each change, dispatched to consumers as jobs) and the mail
-- the app sends (also the dev outbox on the embedded default).
CREATE TABLE "DomainEvent" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "ticketId" TEXT,
    "data" JSONB NOT NULL,
    "actorUserId" TEXT,
    "via" "Via" NOT NULL,
    "chainRuleIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedAt" TIMESTAMP(3),
    "dispatchedAt" TIMESTAMP(3),

    CONSTRAINT "DomainEvent_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "DomainEvent_workspaceId_createdAt_idx" ON "DomainEvent"("workspaceId", "createdAt");
CREATE INDEX "DomainEvent_ticketId_createdAt_idx" ON "DomainEvent"("ticketId", "createdAt");
-- The dispatcher's queue: only events not yet handed to their consumers.
CREATE INDEX "DomainEvent_undispatched_idx" ON "DomainEvent"("createdAt") WHERE "dispatchedAt" IS NULL;

ALTER TABLE "DomainEvent" ADD CONSTRAINT "DomainEvent_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TYPE "MailStatus" AS ENUM ('queued', 'sent', 'failed');

CREATE TABLE "MailMessage" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "ticketId" TEXT,
    "purpose" TEXT NOT NULL,
    "fromAddress" TEXT NOT NULL,
    "to" TEXT[],
    "cc" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT,
    "headers" JSONB NOT NULL DEFAULT '{}',
    "messageId" TEXT NOT NULL,
    "status" "MailStatus" NOT NULL DEFAULT 'queued',
    "transport" TEXT,
    "raw" TEXT,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "MailMessage_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "MailMessage_workspaceId_idempotencyKey_key" ON "MailMessage"("workspaceId", "idempotencyKey");
CREATE INDEX "MailMessage_workspaceId_createdAt_idx" ON "MailMessage"("workspaceId", "createdAt" DESC);
CREATE INDEX "MailMessage_ticketId_createdAt_idx" ON "MailMessage"("ticketId", "createdAt");
CREATE INDEX "MailMessage_messageId_idx" ON "MailMessage"("messageId");

ALTER TABLE "MailMessage" ADD CONSTRAINT "MailMessage_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
