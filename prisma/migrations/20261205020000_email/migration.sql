-- Email in and out: the per-workspace email channel, each mail of a ticket's thread with its
-- threading headers (inbound raw MIME kept), followers CC'd on a ticket, and the spam flag.
CREATE TYPE "EmailDirection" AS ENUM ('inbound', 'outbound');

ALTER TABLE "Ticket" ADD COLUMN "spam" BOOLEAN NOT NULL DEFAULT false;
-- Only spam tickets: the Spam view in the list's order, and what the inbox counts take off TicketCount.
CREATE INDEX "Ticket_workspaceId_spam_updatedAt_idx" ON "Ticket"("workspaceId", "updatedAt" DESC, "id" DESC) WHERE "spam";

CREATE TABLE "EmailChannel" (
    "workspaceId" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "senderName" TEXT,
    "senderAddress" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmailChannel_pkey" PRIMARY KEY ("workspaceId")
);

CREATE TABLE "EmailMessage" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "ticketId" TEXT,
    "messageId" TEXT,
    "direction" "EmailDirection" NOT NULL,
    "rfcMessageId" TEXT NOT NULL,
    "inReplyTo" TEXT,
    "references" TEXT NOT NULL DEFAULT '',
    "fromAddress" TEXT NOT NULL,
    "fromName" TEXT,
    "toAddresses" TEXT[],
    "ccAddresses" TEXT[],
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    "html" TEXT,
    "raw" TEXT,
    "automated" TEXT,
    "spam" BOOLEAN NOT NULL DEFAULT false,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailMessage_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "TicketFollower" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TicketFollower_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "EmailMessage_messageId_key" ON "EmailMessage"("messageId");
CREATE UNIQUE INDEX "EmailMessage_workspaceId_rfcMessageId_key" ON "EmailMessage"("workspaceId", "rfcMessageId");
CREATE INDEX "EmailMessage_ticketId_sentAt_idx" ON "EmailMessage"("ticketId", "sentAt");
CREATE INDEX "EmailMessage_workspaceId_createdAt_idx" ON "EmailMessage"("workspaceId", "createdAt" DESC);
CREATE UNIQUE INDEX "TicketFollower_ticketId_email_key" ON "TicketFollower"("ticketId", "email");
CREATE INDEX "TicketFollower_workspaceId_idx" ON "TicketFollower"("workspaceId");

ALTER TABLE "EmailChannel" ADD CONSTRAINT "EmailChannel_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "EmailMessage" ADD CONSTRAINT "EmailMessage_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "EmailMessage" ADD CONSTRAINT "EmailMessage_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "EmailMessage" ADD CONSTRAINT "EmailMessage_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "TicketFollower" ADD CONSTRAINT "TicketFollower_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TicketFollower" ADD CONSTRAINT "TicketFollower_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;
