-- OAuth clients are renewed on use and expire once unused for a refresh token's life and a day
-- (31 days); clients authorized before carried no expiry. Each gets one counted from its latest use:
-- its last authorization, or the newest refresh token issued to it, whichever is later.
UPDATE "OAuthClient" AS c
SET "expiresAt" = GREATEST(
  COALESCE(c."lastUsedAt", c."createdAt"),
  COALESCE(
    (
      SELECT MAX(t."createdAt")
      FROM "OAuthToken" AS t
      JOIN "OAuthGrant" AS g ON g."id" = t."grantId"
      WHERE g."clientId" = c."id" AND t."kind" = 'refresh'
    ),
    c."createdAt"
  )
) + INTERVAL '31 days'
WHERE c."expiresAt" IS NULL;
