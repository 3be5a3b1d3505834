import "server-only";
import { prisma } from "@/lib/db";
import { canEncrypt, decryptSecret, encryptSecret } from "@/lib/credentials/encryption";
import { revokeAccess } from "@/lib/credentials/revoke";
import { generateToken, hashToken, tokenDisplay } from "@/lib/credentials/token-format";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  ACCESS_TOKEN_TTL_S,
  CODE_TTL_MS,
  REFRESH_GRACE_MS,
  REFRESH_TOKEN_TTL_S,
  tokenResponse,
  type TokenResponse,
} from "@/lib/oauth/tokens";

// The authorization server's storage: every read and write of grants,
// authorization codes, access and refresh tokens and remembered consent goes
// through here. Secrets are looked up by their hash and never stored in the
// clear. Ending a grant is revokeAccess, the one revocation path, so the keys
// minted under a grant end with it.

type Tx = Prisma.TransactionClient;

/** Runs storage calls as one transaction. */
export function inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return prisma.$transaction(work);
}

/** What a connection is held to beyond its scopes and toolsets; each absent flag is off. */
export type ConnectionFlags = { draftsOnly?: boolean; confirmDestructive?: boolean };

function flagsOf(flags: ConnectionFlags) {
  return { draftsOnly: flags.draftsOnly ?? false, confirmDestructive: flags.confirmDestructive ?? false };
}

/* Remembered consent (per user × client × workspace). */

type ConsentKey = { userId: string; clientId: string; workspaceId: string };

export function findConsent(key: ConsentKey) {
  return prisma.oAuthConsent.findUnique({
    where: { userId_clientId_workspaceId: key },
    select: { scopes: true, toolsets: true, draftsOnly: true, confirmDestructive: true },
  });
}

export async function rememberConsent(
  tx: Tx,
  key: ConsentKey,
  scopes: string[],
  toolsets: string[] = [],
  flags: ConnectionFlags = {},
): Promise<void> {
  const chosen = flagsOf(flags);
  await tx.oAuthConsent.upsert({
    where: { userId_clientId_workspaceId: key },
    create: { ...key, scopes, toolsets, ...chosen },
    update: { scopes, toolsets, ...chosen },
  });
}

/** Forgets a user's remembered consent in a workspace: for one client, or for every client when none is named. */
export async function forgetConsent(tx: Tx, owner: GrantOwner): Promise<void> {
  await tx.oAuthConsent.deleteMany({ where: owner });
}

/* Grants: one per approval, what every code and token of a connection hangs on. */

type GrantKey = ConsentKey & { resource: string };

/**
 * The connection's newest live grant covering these scopes with the same toolset limit, for remembered
 * consent to issue its code on.
 */
export function findReusableGrant(
  tx: Tx,
  key: GrantKey,
  scopes: string[],
  toolsets: string[] = [],
  flags: ConnectionFlags = {},
) {
  return tx.oAuthGrant.findFirst({
    where: {
      ...key,
      revokedAt: null,
      scopes: { hasEvery: scopes },
      toolsets: { equals: toolsets },
      ...flagsOf(flags),
    },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
}

export function openGrant(
  tx: Tx,
  key: GrantKey,
  scopes: string[],
  toolsets: string[] = [],
  flags: ConnectionFlags = {},
) {
  return tx.oAuthGrant.create({ data: { ...key, scopes, toolsets, ...flagsOf(flags) }, select: { id: true } });
}

/** Whose grants: a user's in a workspace, to one client when it is named. */
export type GrantOwner = { workspaceId: string; userId: string; clientId?: string };

/** The ids of an owner's grants, or of the live ones only. */
export async function grantIdsOf(db: Tx, owner: GrantOwner, options: { live?: boolean } = {}): Promise<string[]> {
  const grants = await db.oAuthGrant.findMany({
    where: { ...owner, ...(options.live ? { revokedAt: null } : {}) },
    select: { id: true },
  });
  return grants.map((grant) => grant.id);
}

/** A user's live grants in a workspace, newest first, with their client: the authorized apps they see. */
export function listLiveGrants(owner: GrantOwner) {
  return prisma.oAuthGrant.findMany({
    where: { ...owner, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      scopes: true,
      createdAt: true,
      lastUsedAt: true,
      workspace: { select: { name: true } },
      client: { select: { clientId: true, name: true, logoUri: true, redirectUris: true, registrationType: true } },
    },
  });
}

/** A grant in a workspace, with its owner's role there (for the rank rule) and its client. */
export function findGrant(workspaceId: string, grantId: string) {
  return prisma.oAuthGrant.findFirst({
    where: { workspaceId, id: grantId },
    select: {
      id: true,
      userId: true,
      clientId: true,
      client: { select: { name: true } },
      user: { select: { memberships: { where: { workspaceId }, select: { role: true } } } },
    },
  });
}

/** When a live grant stops: its newest live refresh token's expiry; null when it is revoked or has none. */
export async function liveGrantExpiry(workspaceId: string, grantId: string): Promise<Date | null> {
  const refresh = await prisma.oAuthToken.findFirst({
    where: { grantId, kind: "refresh", revokedAt: null, grant: { workspaceId, revokedAt: null } },
    orderBy: { expiresAt: "desc" },
    select: { expiresAt: true },
  });
  return refresh?.expiresAt ?? null;
}

/** Revokes a grant, everything it issued and every key minted under it (through revokeAccess). */
export async function revokeGrant(tx: Tx, grantId: string, reason: string): Promise<void> {
  await revokeAccess(tx, { grantIds: [grantId] }, { reason });
}

/* Authorization codes: one minute, single use. */

export type NewCode = {
  grantId: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  /** The consent request it answers: unique among codes, so a request is approved once. */
  requestId: string | null;
  scopes: string[];
  resource: string;
};

/** Stores a fresh code and returns it, or null when its request was approved before. */
export async function issueCode(tx: Tx, data: NewCode): Promise<string | null> {
  const code = generateToken("oauth_code");
  const created = await tx.oAuthAuthorizationCode.createMany({
    data: { ...data, codeHash: hashToken(code), expiresAt: new Date(Date.now() + CODE_TTL_MS) },
    skipDuplicates: true,
  });
  return created.count === 1 ? code : null;
}

export function findCode(code: string) {
  return prisma.oAuthAuthorizationCode.findUnique({
    where: { codeHash: hashToken(code) },
    select: {
      id: true,
      grantId: true,
      clientId: true,
      redirectUri: true,
      codeChallenge: true,
      scopes: true,
      resource: true,
      expiresAt: true,
      usedAt: true,
      grant: { select: { revokedAt: true, workspaceId: true } },
    },
  });
}

/** Marks a code used; false when another exchange got there first (the update takes the row lock). */
export async function claimCode(tx: Tx, id: string): Promise<boolean> {
  const claimed = await tx.oAuthAuthorizationCode.updateMany({
    where: { id, usedAt: null },
    data: { usedAt: new Date() },
  });
  return claimed.count === 1;
}

/* Access and refresh tokens. */

type TokenOptions = { grantId: string; scopes: string[]; resource: string };

/** The latest expiry a token of a grant may have: the owners' lifetime cap, counted from the grant's creation. */
async function grantExpiryCap(tx: Tx, grantId: string): Promise<Date | null> {
  const grant = await tx.oAuthGrant.findUnique({
    where: { id: grantId },
    select: {
      createdAt: true,
      workspace: { select: { mcpGovernance: { select: { maxCredentialLifetimeDays: true } } } },
    },
  });
  const maxDays = grant?.workspace.mcpGovernance?.maxCredentialLifetimeDays;
  return grant && maxDays ? new Date(grant.createdAt.getTime() + maxDays * 86_400_000) : null;
}

/** Mints a token of one kind for a grant, hashed at rest; returns the secret and its row id. */
async function mintToken(tx: Tx, kind: "access" | "refresh", options: TokenOptions) {
  const secret = generateToken(kind === "access" ? "oauth_access" : "oauth_refresh");
  const ttlS = kind === "access" ? ACCESS_TOKEN_TTL_S : REFRESH_TOKEN_TTL_S;
  // The owners' lifetime cap: no token outlives the grant's cap, counted from the grant's creation.
  const cap = await grantExpiryCap(tx, options.grantId);
  const natural = new Date(Date.now() + ttlS * 1000);
  const row = await tx.oAuthToken.create({
    data: {
      grantId: options.grantId,
      kind,
      secretHash: hashToken(secret),
      ...tokenDisplay(secret),
      scopes: options.scopes,
      resource: options.resource,
      expiresAt: cap && cap < natural ? cap : natural,
    },
    select: { id: true },
  });
  return { secret, id: row.id };
}

/** Mints an access token for a grant. */
export async function issueAccessToken(tx: Tx, options: TokenOptions): Promise<string> {
  return (await mintToken(tx, "access", options)).secret;
}

/** Mints an access and a refresh token for a grant; also returns the refresh token's row id. */
export async function issueTokenPair(tx: Tx, options: TokenOptions): Promise<TokenResponse & { refreshId: string }> {
  const access = await issueAccessToken(tx, options);
  const refresh = await mintToken(tx, "refresh", options);
  return { ...tokenResponse(access, refresh.secret, options.scopes), refreshId: refresh.id };
}

/** An access or refresh token by its secret, with what the token and revocation endpoints check. */
export function findToken(secret: string) {
  return prisma.oAuthToken.findUnique({
    where: { secretHash: hashToken(secret) },
    select: {
      id: true,
      kind: true,
      grantId: true,
      scopes: true,
      resource: true,
      expiresAt: true,
      rotatedAt: true,
      revokedAt: true,
      grant: { select: { clientId: true, revokedAt: true, scopes: true, workspaceId: true } },
    },
  });
}

/** Ends one token (an access token revoked by its client). */
export async function revokeToken(id: string): Promise<void> {
  await prisma.oAuthToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Marks a refresh token rotated; false when a parallel refresh rotated it first (it waits on the row lock). */
export async function claimRefreshToken(tx: Tx, id: string, now: Date): Promise<boolean> {
  const claimed = await tx.oAuthToken.updateMany({ where: { id, rotatedAt: null }, data: { rotatedAt: now } });
  return claimed.count === 1;
}

/**
 * Links a rotated refresh token to its successor. The successor's secret is
 * held encrypted for the grace window only, for parallel refreshes; successors
 * held longer than that are dropped here too.
 */
export async function recordSuccessor(
  tx: Tx,
  id: string,
  successor: { id: string; secret: string },
  now: Date,
): Promise<void> {
  await tx.oAuthToken.update({
    where: { id },
    data: { successorId: successor.id, successorSecret: canEncrypt() ? encryptSecret(successor.secret) : null },
  });
  await tx.oAuthToken.updateMany({
    where: { rotatedAt: { lt: new Date(now.getTime() - REFRESH_GRACE_MS) }, successorSecret: { not: null } },
    data: { successorSecret: null },
  });
}

/** When a refresh token was rotated, and its successor's secret while it is still held. */
export async function readRotation(tx: Tx, id: string): Promise<{ rotatedAt: Date | null; successor: string | null }> {
  const row = await tx.oAuthToken.findUniqueOrThrow({
    where: { id },
    select: { rotatedAt: true, successorSecret: true },
  });
  return { rotatedAt: row.rotatedAt, successor: row.successorSecret ? decryptSecret(row.successorSecret) : null };
}
