-- MCP confirmation: a workspace asks destructive actions (deletes, bulk changes over N tickets) to confirm
-- before acting; a key or an OAuth consent can ask it even when the workspace does not.
ALTER TABLE "Workspace" ADD COLUMN "mcpConfirmDestructive" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Workspace" ADD COLUMN "mcpConfirmBulkOver" INTEGER NOT NULL DEFAULT 10;
ALTER TABLE "Credential" ADD COLUMN "confirmDestructive" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "OAuthGrant" ADD COLUMN "confirmDestructive" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "OAuthConsent" ADD COLUMN "confirmDestructive" BOOLEAN NOT NULL DEFAULT false;
