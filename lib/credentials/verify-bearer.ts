import "server-only";
import { prisma } from "@/lib/db";
import { hashToken, parseToken } from "@/lib/credentials/token-format";
import type { PlanTier, Role } from "@/lib/generated/prisma/enums";

/** A bearer credential that passed verification, whatever its kind. */
export type VerifiedCredential = {
  kind: "workspace_key" | "personal_token" | "oauth";
  /** Credential id; for OAuth the grant id (the authorized app). */
  id: string;
  /** For history and audit: the key's name, or the OAuth client's name. */
  name: string;
  workspaceId: string;
  planTier: PlanTier;
  rateLimitOverrides: unknown;
  /** Null for org-level keys, which act as the workspace. */
  userId: string | null;
  role: Role | null;
  scopes: string[];
  orgLevel: boolean;
  expiresAt: Date | null;
};

export type BearerFailure = { ok: false; reason: "invalid" | "expired" };
export type BearerResult = { ok: true; credential: VerifiedCredential } | BearerFailure;

type KeyRow = {
  id: string;
  name: string;
  kind: "workspace_key" | "personal_token";
  binding: "org" | "user";
  scopes: string[];
  workspaceId: string;
  userId: string | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  planTier: PlanTier;
  rateLimitOverrides: unknown;
  role: Role | null;
  memberDeactivatedAt: Date | null;
  userDeactivatedAt: Date | null;
};

type OAuthRow = {
  id: string;
  grantId: string;
  scopes: string[];
  resource: string;
  expiresAt: Date;
  revokedAt: Date | null;
  grantRevokedAt: Date | null;
  grantLastUsedAt: Date | null;
  grantLastUsedIp: string | null;
  workspaceId: string;
  userId: string;
  clientName: string;
  planTier: PlanTier;
  rateLimitOverrides: unknown;
  role: Role | null;
  memberDeactivatedAt: Date | null;
  userDeactivatedAt: Date | null;
};

const INVALID: BearerFailure = { ok: false, reason: "invalid" };
const EXPIRED: BearerFailure = { ok: false, reason: "expired" };
/** last-used is written at most this often per credential, off the request path. */
const LAST_USED_EVERY_MS = 60_000;

function touchLater(run: () => Promise<unknown>) {
  run().catch((error: unknown) =>
    console.warn("[deskbridge] could not record last use:", error instanceof Error ? error.message : error),
  );
}

/**
 * Verifies a bearer token of any kind: shape and checksum first (no database
 * work for typos), then one indexed lookup by SHA-256 hash joined with the
 * acting user's membership. Nothing is cached, so a revocation applies to the
 * very next request on every instance.
 */
export async function verifyBearer(
  token: string,
  options: { resource: string; ip?: string | null },
): Promise<BearerResult> {
  const kind = parseToken(token);
  if (kind === "workspace_key" || kind === "personal_token") return verifyKey(token, options.ip ?? null);
  if (kind === "oauth_access") return verifyOAuthAccess(token, options.resource, options.ip ?? null);
  return INVALID;
}

async function verifyKey(token: string, ip: string | null): Promise<BearerResult> {
  const rows = await prisma.$queryRaw<KeyRow[]>`
    SELECT c.id, c.name, c.kind::text AS kind, c.binding::text AS binding, c.scopes, c."workspaceId", c."userId",
           c."expiresAt", c."revokedAt", c."lastUsedAt", c."lastUsedIp",
           w."planTier"::text AS "planTier", w."rateLimitOverrides",
           m.role::text AS role, m."deactivatedAt" AS "memberDeactivatedAt", u."deactivatedAt" AS "userDeactivatedAt"
    FROM "Credential" c
    JOIN "Workspace" w ON w.id = c."workspaceId"
    LEFT JOIN "Membership" m ON m."userId" = c."userId" AND m."workspaceId" = c."workspaceId"
    LEFT JOIN "User" u ON u.id = c."userId"
    WHERE c."secretHash" = ${hashToken(token)}`;
  const row = rows[0];
  if (!row || row.revokedAt) return INVALID;
  if (row.expiresAt && row.expiresAt.getTime() <= Date.now()) return EXPIRED;
  const userBound = row.binding === "user";
  if (userBound && (!row.role || row.memberDeactivatedAt || row.userDeactivatedAt)) return INVALID;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_EVERY_MS || row.lastUsedIp !== ip) {
    touchLater(() =>
      prisma.credential.update({ where: { id: row.id }, data: { lastUsedAt: new Date(), lastUsedIp: ip } }),
    );
  }
  return {
    ok: true,
    credential: {
      kind: row.kind,
      id: row.id,
      name: row.name,
      workspaceId: row.workspaceId,
      planTier: row.planTier,
      rateLimitOverrides: row.rateLimitOverrides,
      userId: userBound ? row.userId : null,
      // An org-level key acts as the workspace: admin rights on its data, no user identity.
      role: userBound ? row.role : "admin",
      scopes: row.scopes,
      orgLevel: !userBound,
      expiresAt: row.expiresAt,
    },
  };
}

async function verifyOAuthAccess(token: string, resource: string, ip: string | null): Promise<BearerResult> {
  const rows = await prisma.$queryRaw<OAuthRow[]>`
    SELECT t.id, t."grantId", t.scopes, t.resource, t."expiresAt", t."revokedAt",
           g."revokedAt" AS "grantRevokedAt", g."lastUsedAt" AS "grantLastUsedAt", g."lastUsedIp" AS "grantLastUsedIp",
           g."workspaceId", g."userId", cl.name AS "clientName",
           w."planTier"::text AS "planTier", w."rateLimitOverrides",
           m.role::text AS role, m."deactivatedAt" AS "memberDeactivatedAt", u."deactivatedAt" AS "userDeactivatedAt"
    FROM "OAuthToken" t
    JOIN "OAuthGrant" g ON g.id = t."grantId"
    JOIN "OAuthClient" cl ON cl.id = g."clientId"
    JOIN "Workspace" w ON w.id = g."workspaceId"
    LEFT JOIN "Membership" m ON m."userId" = g."userId" AND m."workspaceId" = g."workspaceId"
    LEFT JOIN "User" u ON u.id = g."userId"
    WHERE t."secretHash" = ${hashToken(token)} AND t.kind = 'access'`;
  const row = rows[0];
  if (!row || row.revokedAt || row.grantRevokedAt) return INVALID;
  // RFC 8707: a token minted for another resource is not accepted here.
  if (row.resource !== resource) return INVALID;
  if (row.expiresAt.getTime() <= Date.now()) return EXPIRED;
  if (!row.role || row.memberDeactivatedAt || row.userDeactivatedAt) return INVALID;
  if (
    !row.grantLastUsedAt ||
    Date.now() - row.grantLastUsedAt.getTime() > LAST_USED_EVERY_MS ||
    row.grantLastUsedIp !== ip
  ) {
    touchLater(() =>
      prisma.oAuthGrant.update({ where: { id: row.grantId }, data: { lastUsedAt: new Date(), lastUsedIp: ip } }),
    );
  }
  return {
    ok: true,
    credential: {
      kind: "oauth",
      id: row.grantId,
      name: row.clientName,
      workspaceId: row.workspaceId,
      planTier: row.planTier,
      rateLimitOverrides: row.rateLimitOverrides,
      userId: row.userId,
      role: row.role,
      scopes: row.scopes,
      orgLevel: false,
      expiresAt: row.expiresAt,
    },
  };
}
