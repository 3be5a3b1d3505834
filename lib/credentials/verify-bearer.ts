import "server-only";
import { prisma } from "@/lib/db";
import { hashToken, parseToken } from "@/lib/credentials/token-format";
import type { PlanTier, Role } from "@/lib/generated/prisma/enums";
import type { ClientAllowList, ClientIdentity } from "@/lib/oauth/client-allow-list";

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
  /** The toolsets the key or the consent was limited to; empty: every toolset. */
  toolsets: string[];
  /** Replies through it are drafts an agent sends (the workspace setting can also make them so). */
  draftsOnly: boolean;
  /** When destructive MCP actions ask for confirmation (the workspace's setting, or the credential's stricter one). */
  confirmation: ConfirmationPolicy;
  orgLevel: boolean;
  expiresAt: Date | null;
  /**
   * Set when the bearer presented the secret a rotation replaced: the end of its overlap, after
   * which that secret is refused while the new one goes on.
   */
  secretEndsAt?: Date;
  /** Active members of the workspace: the monthly tool-call budget scales with them. */
  seats: number;
  /** The owners' MCP switches (null: no governance set, everything on). */
  governance: CredentialGovernance | null;
  /** The workspace's MCP lockdown is on: writes wait for an agent on tickets the customer wrote last. */
  lockdown: boolean;
  /** API keys: the addresses (CIDRs) the key is accepted from; empty: any. */
  ipAllowList: string[];
  /** OAuth: the client, as the workspace's client allow-list matches it. */
  client?: ClientIdentity;
};

/**
 * Off, or on with the bulk size above which a bulk change asks too; byCredential when the key or
 * the consent itself asks (keys it mints inherit that).
 */
export type ConfirmationPolicy = { required: boolean; bulkOver: number; byCredential: boolean };

function confirmationOf(
  workspace: { mcpConfirmDestructive: boolean; mcpConfirmBulkOver: number },
  credential: { confirmDestructive: boolean },
): ConfirmationPolicy {
  return {
    required: workspace.mcpConfirmDestructive || credential.confirmDestructive,
    bulkOver: workspace.mcpConfirmBulkOver,
    byCredential: credential.confirmDestructive,
  };
}

export type CredentialGovernance = {
  mcpEnabled: boolean;
  apiKeysEnabled: boolean;
  personalTokensEnabled: boolean;
  oauthEnabled: boolean;
} & ClientAllowList;

export type BearerFailure = { ok: false; reason: "invalid" | "expired" };
/** When the credential's last use was recorded, and from where, once this verification's own record is made. */
export type LastUse = { at: Date; ip: string | null };
export type BearerResult = { ok: true; credential: VerifiedCredential; lastUse?: LastUse } | BearerFailure;

/** The acting user's standing, read in the same joined query as the credential. */
const ACTING_USER = {
  select: {
    deactivatedAt: true,
    // All the user's memberships (a handful); the one in the credential's workspace is picked after.
    memberships: { select: { workspaceId: true, role: true, deactivatedAt: true } },
  },
} as const;

const WORKSPACE_PLAN = {
  select: {
    planTier: true,
    rateLimitOverrides: true,
    mcpConfirmDestructive: true,
    mcpConfirmBulkOver: true,
    mcpLockdown: true,
    mcpGovernance: {
      select: {
        mcpEnabled: true,
        apiKeysEnabled: true,
        personalTokensEnabled: true,
        oauthEnabled: true,
        clientAllowListEnabled: true,
        allowedClientUrls: true,
        allowedClientNames: true,
        allowedRedirectDomains: true,
      },
    },
    _count: { select: { memberships: { where: { deactivatedAt: null } } } },
  },
} as const;

const INVALID: BearerFailure = { ok: false, reason: "invalid" };
const EXPIRED: BearerFailure = { ok: false, reason: "expired" };
/** last-used is written at most this often per credential, off the request path. */
export const LAST_USED_EVERY_MS = 60_000;

/** Whether a use from `ip` should be recorded, given the last one recorded. */
export function lastUseIsStale(last: { at: Date | null; ip: string | null }, ip: string | null): boolean {
  return !last.at || Date.now() - last.at.getTime() > LAST_USED_EVERY_MS || last.ip !== ip;
}

/**
 * Records a use of a verified credential (the key, or the OAuth grant) off the
 * request path; returns what is now the last use.
 */
export function recordUse(credential: Pick<VerifiedCredential, "kind" | "id">, ip: string | null): LastUse {
  const data = { lastUsedAt: new Date(), lastUsedIp: ip };
  const write =
    credential.kind === "oauth"
      ? prisma.oAuthGrant.update({ where: { id: credential.id }, data, select: { id: true } })
      : prisma.credential.update({ where: { id: credential.id }, data, select: { id: true } });
  write.catch((error: unknown) =>
    console.warn("[deskbridge] could not record last use:", error instanceof Error ? error.message : error),
  );
  return { at: data.lastUsedAt, ip };
}

/**
 * Verifies a bearer token of any kind: shape and checksum first (no database
 * work for typos), then one indexed lookup by SHA-256 hash joined with the
 * acting user's membership. Nothing is cached here (lib/credentials/auth-cache.ts
 * caches results only as long as the workspace's access version holds), so a
 * revocation applies to the very next request on every instance.
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
  const hash = hashToken(token);
  // The current secret, or the one a rotation replaced while its overlap lasts: both columns are unique indexes.
  const row = await prisma.credential.findFirst({
    relationLoadStrategy: "join",
    where: { OR: [{ secretHash: hash }, { previousSecretHash: hash }] },
    select: {
      id: true,
      name: true,
      kind: true,
      binding: true,
      scopes: true,
      toolsets: true,
      draftsOnly: true,
      confirmDestructive: true,
      ipAllowList: true,
      workspaceId: true,
      userId: true,
      expiresAt: true,
      revokedAt: true,
      secretHash: true,
      previousExpiresAt: true,
      lastUsedAt: true,
      lastUsedIp: true,
      workspace: WORKSPACE_PLAN,
      user: ACTING_USER,
    },
  });
  if (!row || row.revokedAt) return INVALID;
  const replaced = row.secretHash !== hash;
  if (replaced && (!row.previousExpiresAt || row.previousExpiresAt.getTime() <= Date.now())) return INVALID;
  if (row.expiresAt && row.expiresAt.getTime() <= Date.now()) return EXPIRED;
  const userBound = row.binding === "user";
  const membership = row.user?.memberships.find((m) => m.workspaceId === row.workspaceId);
  if (userBound && (!membership || membership.deactivatedAt || row.user?.deactivatedAt)) return INVALID;
  const last = { at: row.lastUsedAt, ip: row.lastUsedIp };
  return {
    ok: true,
    lastUse: lastUseIsStale(last, ip) ? recordUse({ kind: row.kind, id: row.id }, ip) : { at: last.at!, ip: last.ip },
    credential: {
      kind: row.kind,
      id: row.id,
      name: row.name,
      workspaceId: row.workspaceId,
      planTier: row.workspace.planTier,
      rateLimitOverrides: row.workspace.rateLimitOverrides,
      userId: userBound ? row.userId : null,
      // An org-level key acts as the workspace: admin rights on its data, no user identity.
      role: userBound ? (membership?.role ?? null) : "admin",
      scopes: row.scopes,
      toolsets: row.toolsets,
      draftsOnly: row.draftsOnly,
      confirmation: confirmationOf(row.workspace, row),
      orgLevel: !userBound,
      expiresAt: row.expiresAt,
      ...(replaced ? { secretEndsAt: row.previousExpiresAt! } : {}),
      seats: row.workspace._count.memberships,
      governance: row.workspace.mcpGovernance,
      lockdown: row.workspace.mcpLockdown,
      ipAllowList: row.kind === "workspace_key" ? row.ipAllowList : [],
    },
  };
}

async function verifyOAuthAccess(token: string, resource: string, ip: string | null): Promise<BearerResult> {
  const row = await prisma.oAuthToken.findUnique({
    relationLoadStrategy: "join",
    where: { secretHash: hashToken(token), kind: "access" },
    select: {
      id: true,
      grantId: true,
      scopes: true,
      resource: true,
      expiresAt: true,
      revokedAt: true,
      grant: {
        select: {
          revokedAt: true,
          toolsets: true,
          draftsOnly: true,
          confirmDestructive: true,
          lastUsedAt: true,
          lastUsedIp: true,
          workspaceId: true,
          userId: true,
          client: { select: { clientId: true, name: true, redirectUris: true } },
          workspace: WORKSPACE_PLAN,
          user: ACTING_USER,
        },
      },
    },
  });
  if (!row || row.revokedAt || row.grant.revokedAt) return INVALID;
  const { grant } = row;
  // RFC 8707: a token minted for another resource is not accepted here.
  if (row.resource !== resource) return INVALID;
  if (row.expiresAt.getTime() <= Date.now()) return EXPIRED;
  const membership = grant.user.memberships.find((m) => m.workspaceId === grant.workspaceId);
  if (!membership || membership.deactivatedAt || grant.user.deactivatedAt) return INVALID;
  const last = { at: grant.lastUsedAt, ip: grant.lastUsedIp };
  return {
    ok: true,
    lastUse: lastUseIsStale(last, ip)
      ? recordUse({ kind: "oauth", id: row.grantId }, ip)
      : { at: last.at!, ip: last.ip },
    credential: {
      kind: "oauth",
      id: row.grantId,
      name: grant.client.name,
      workspaceId: grant.workspaceId,
      planTier: grant.workspace.planTier,
      rateLimitOverrides: grant.workspace.rateLimitOverrides,
      userId: grant.userId,
      role: membership.role,
      scopes: row.scopes,
      toolsets: grant.toolsets,
      draftsOnly: grant.draftsOnly,
      confirmation: confirmationOf(grant.workspace, grant),
      orgLevel: false,
      expiresAt: row.expiresAt,
      seats: grant.workspace._count.memberships,
      governance: grant.workspace.mcpGovernance,
      lockdown: grant.workspace.mcpLockdown,
      ipAllowList: [],
      client: grant.client,
    },
  };
}
