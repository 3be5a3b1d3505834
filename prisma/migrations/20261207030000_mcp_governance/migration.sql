-- MCP governance: an owner's switches, caps and OAuth client allow-list per workspace, an IP
-- allow-list per API key, and the access requests owners answer.
ALTER TYPE "NotificationType" ADD VALUE 'access_request';

CREATE TYPE "McpAccessRequestKind" AS ENUM ('client', 'consent');
CREATE TYPE "McpAccessRequestStatus" AS ENUM ('pending', 'approved', 'denied');

ALTER TABLE "Credential" ADD COLUMN "ipAllowList" TEXT[] DEFAULT ARRAY[]::TEXT[];

CREATE TABLE "McpGovernance" (
    "workspaceId" TEXT NOT NULL,
    "mcpEnabled" BOOLEAN NOT NULL DEFAULT true,
    "apiKeysEnabled" BOOLEAN NOT NULL DEFAULT true,
    "personalTokensEnabled" BOOLEAN NOT NULL DEFAULT true,
    "oauthEnabled" BOOLEAN NOT NULL DEFAULT true,
    "maxCredentialLifetimeDays" INTEGER,
    "clientAllowListEnabled" BOOLEAN NOT NULL DEFAULT false,
    "allowedClientUrls" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "allowedClientNames" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "allowedRedirectDomains" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "McpGovernance_pkey" PRIMARY KEY ("workspaceId")
);

CREATE TABLE "McpAccessRequest" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "kind" "McpAccessRequestKind" NOT NULL,
    "clientId" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "status" "McpAccessRequestStatus" NOT NULL DEFAULT 'pending',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "McpAccessRequest_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "McpAccessRequest_workspaceId_status_createdAt_idx" ON "McpAccessRequest"("workspaceId", "status", "createdAt" DESC);
CREATE INDEX "McpAccessRequest_requestedById_clientId_workspaceId_idx" ON "McpAccessRequest"("requestedById", "clientId", "workspaceId");

ALTER TABLE "McpGovernance" ADD CONSTRAINT "McpGovernance_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "McpAccessRequest" ADD CONSTRAINT "McpAccessRequest_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "McpAccessRequest" ADD CONSTRAINT "McpAccessRequest_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "OAuthClient"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "McpAccessRequest" ADD CONSTRAINT "McpAccessRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "McpAccessRequest" ADD CONSTRAINT "McpAccessRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
