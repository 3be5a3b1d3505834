import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { REFRESH_TOKEN_TTL_S } from "@/lib/oauth/tokens";

// What the authorization server knows of a client, and the rules every way
// of knowing one (registration, a metadata document) shares.

/**
 * Clients (registered or metadata documents) expire once unused this long. Every use renews it, and
 * it outlasts a refresh token by a day, so a client whose connection still works never expires.
 */
export const UNUSED_CLIENT_TTL_MS = REFRESH_TOKEN_TTL_S * 1000 + 86_400_000;
/** A client used again within this long is not written again (a shared metadata-document client is a hot row). */
const RENEWAL_INTERVAL_MS = 3_600_000;

/** When a client used (or first seen) at this time expires if it is not used again. */
export function clientExpiryFrom(now: Date): Date {
  return new Date(now.getTime() + UNUSED_CLIENT_TTL_MS);
}

export type OAuthClientRecord = {
  id: string;
  clientId: string;
  name: string;
  logoUri: string | null;
  redirectUris: string[];
  tokenEndpointAuthMethod: string;
  clientSecretHash: string | null;
  registrationType: "dcr" | "cimd";
};

export const CLIENT_SELECT = {
  id: true,
  clientId: true,
  name: true,
  logoUri: true,
  redirectUris: true,
  tokenEndpointAuthMethod: true,
  clientSecretHash: true,
  registrationType: true,
} as const;

/**
 * Clients that expired unused are deleted when a new client arrives, so anonymous registrations and
 * metadata URLs cannot grow the table without bound. A client with a grant that is not revoked is in
 * use and never deleted, whatever its expiry says; a day's grace keeps a row that is in the middle of
 * being approved.
 */
export async function forgetExpiredClients(now: Date): Promise<void> {
  await prisma.oAuthClient.deleteMany({
    where: {
      expiresAt: { lt: new Date(now.getTime() - 86_400_000) },
      grants: { none: { revokedAt: null } },
    },
  });
}

/** A client someone authorized: used now, its unused life starting again. */
export async function markClientUsed(tx: Prisma.TransactionClient, id: string): Promise<void> {
  const now = new Date();
  await tx.oAuthClient.update({ where: { id }, data: { lastUsedAt: now, expiresAt: clientExpiryFrom(now) } });
}

/**
 * A client that got tokens: renewed (last used now, expiring a full unused life from now), at most
 * once per interval.
 */
export async function renewClient(id: string): Promise<void> {
  const now = new Date();
  await prisma.oAuthClient.updateMany({
    where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - RENEWAL_INTERVAL_MS) } }] },
    data: { lastUsedAt: now, expiresAt: clientExpiryFrom(now) },
  });
}
