-- A workspace API key and an OAuth consent can be limited to toolsets; empty means every toolset.
ALTER TABLE "Credential" ADD COLUMN "toolsets" TEXT[] DEFAULT ARRAY[]::TEXT[];
ALTER TABLE "OAuthGrant" ADD COLUMN "toolsets" TEXT[] DEFAULT ARRAY[]::TEXT[];
ALTER TABLE "OAuthConsent" ADD COLUMN "toolsets" TEXT[] DEFAULT ARRAY[]::TEXT[];
