-- Keys minted through MCP remember the credential or grant that made them (revoked with it);
-- a rotated refresh token holds its successor, encrypted, for the grace window;
-- a consent request is approved once;
-- invitations replace temporary passwords.

-- AlterTable
ALTER TABLE "Credential" ADD COLUMN "parentCredentialId" TEXT,
ADD COLUMN "parentGrantId" TEXT;

-- AlterTable
ALTER TABLE "OAuthAuthorizationCode" ADD COLUMN "requestId" TEXT;

-- AlterTable
ALTER TABLE "OAuthToken" ADD COLUMN "successorId" TEXT,
ADD COLUMN "successorSecret" TEXT;

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "role" "Role" NOT NULL DEFAULT 'agent',
    "tokenHash" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OAuthAuthorizationCode_requestId_key" ON "OAuthAuthorizationCode"("requestId");

-- CreateIndex
CREATE INDEX "Credential_parentCredentialId_idx" ON "Credential"("parentCredentialId");

-- CreateIndex
CREATE INDEX "Credential_parentGrantId_idx" ON "Credential"("parentGrantId");

-- CreateIndex
CREATE INDEX "OAuthToken_rotatedAt_idx" ON "OAuthToken"("rotatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_workspaceId_email_idx" ON "Invitation"("workspaceId", "email");

-- AddForeignKey
ALTER TABLE "Credential" ADD CONSTRAINT "Credential_parentCredentialId_fkey" FOREIGN KEY ("parentCredentialId") REFERENCES "Credential"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Credential" ADD CONSTRAINT "Credential_parentGrantId_fkey" FOREIGN KEY ("parentGrantId") REFERENCES "OAuthGrant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
