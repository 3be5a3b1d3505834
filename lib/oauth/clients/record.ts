import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

// What the authorization server knows of a client, and the rules every way
// of knowing one (registration, a metadata document) shares.

/** Unused clients (registered or metadata documents) expire after this. */
export const UNUSED_CLIENT_TTL_MS = 30 * 86_400_000;

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
 * Clients that expired unused (no grant ever cleared their expiry) are
 * deleted when a new client arrives, so anonymous registrations and metadata
 * URLs cannot grow the table without bound. A day's grace keeps a row that is
 * in the middle of being approved.
 */
export async function forgetExpiredClients(now: Date): Promise<void> {
  await prisma.oAuthClient.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 86_400_000) } } });
}

/** A client someone authorized is no longer a candidate for expiry. */
export async function markClientUsed(tx: Prisma.TransactionClient, id: string): Promise<void> {
  await tx.oAuthClient.update({ where: { id }, data: { expiresAt: null, lastUsedAt: new Date() } });
}
