import "server-only";
import { prisma } from "@/lib/db";
import { fetchClientDocument, isClientIdUrl } from "@/lib/oauth/cimd";
import {
  CLIENT_SELECT,
  clientExpiryFrom,
  forgetExpiredClients,
  type OAuthClientRecord,
} from "@/lib/oauth/clients/record";
import { OAuthError } from "@/lib/oauth/errors";
import { fetchOutbound, type OutboundFetch } from "@/lib/outbound/fetch";
import { GRANT_TYPES } from "@/lib/validations/oauth";

/**
 * A client already known to this server, by its public id: registered, or a
 * metadata document seen by the authorization endpoint. Never fetches, so
 * the token, revocation and consent endpoints cannot be made to reach out.
 */
export async function findClient(clientId: string | null | undefined): Promise<OAuthClientRecord> {
  if (!clientId) throw new OAuthError("invalid_request", "client_id is required.");
  const row = await prisma.oAuthClient.findUnique({
    where: { clientId },
    select: { ...CLIENT_SELECT, expiresAt: true },
  });
  if (!row || (row.expiresAt && row.expiresAt <= new Date() && !(await hasLiveGrant(row.id)))) {
    throw new OAuthError(
      "invalid_client",
      isClientIdUrl(clientId)
        ? "Unknown client_id: start again at the authorization endpoint."
        : "Unknown client_id: register the client again.",
    );
  }
  return row as OAuthClientRecord;
}

/** A client with a grant that is not revoked is in use: its registration does not expire under it. */
async function hasLiveGrant(id: string): Promise<boolean> {
  const grant = await prisma.oAuthGrant.findFirst({ where: { clientId: id, revokedAt: null }, select: { id: true } });
  return grant !== null;
}

/**
 * The authorization endpoint's client. A metadata document URL is read
 * through the document cache (fetched again only once the document's own
 * caching headers let it go stale) and written only when first seen, changed,
 * or expired unused; a lookup that finds the stored row current writes
 * nothing. Any other client_id must already be registered.
 */
export async function findClientForAuthorization(
  clientId: string | null | undefined,
  fetcher: OutboundFetch = fetchOutbound,
): Promise<OAuthClientRecord> {
  if (!clientId || !isClientIdUrl(clientId)) return findClient(clientId);
  const doc = await fetchClientDocument(clientId, fetcher);
  const now = new Date();
  const row = await prisma.oAuthClient.findUnique({
    where: { clientId },
    select: { ...CLIENT_SELECT, metadataHash: true, expiresAt: true },
  });
  const expired = row?.expiresAt != null && row.expiresAt <= now;
  if (row && row.metadataHash === doc.hash && !expired) return row as OAuthClientRecord;
  const fields = {
    name: doc.name,
    logoUri: doc.logoUri,
    clientUri: doc.clientUri,
    redirectUris: doc.redirectUris,
    metadataHash: doc.hash,
    metadata: doc.metadata as object,
  };
  // Unused metadata-document clients expire like registered ones; seen again after that, the clock restarts.
  const expiresAt = clientExpiryFrom(now);
  if (!row) await forgetExpiredClients(now);
  const saved = await prisma.oAuthClient.upsert({
    where: { clientId },
    create: {
      clientId,
      registrationType: "cimd",
      grantTypes: [...GRANT_TYPES],
      expiresAt,
      ...fields,
    },
    update: { ...fields, ...(expired ? { expiresAt } : {}) },
    select: CLIENT_SELECT,
  });
  return saved as OAuthClientRecord;
}
