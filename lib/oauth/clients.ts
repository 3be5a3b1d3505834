import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { OAuthClientMetadataSchema } from "@modelcontextprotocol/sdk/shared/auth.js";
import { prisma } from "@/lib/db";
import { hashToken, secretsEqual } from "@/lib/credentials/token-format";
import { fetchClientDocument, isClientIdUrl } from "@/lib/oauth/cimd";
import { OAuthError } from "@/lib/oauth/errors";
import { redirectUriProblem } from "@/lib/oauth/redirect-uri";
import { fetchOutbound, type OutboundFetch } from "@/lib/outbound/fetch";

/** Unused clients (registered or metadata documents) expire after this. */
const UNUSED_CLIENT_TTL_MS = 30 * 86_400_000;
export const MAX_REGISTRATION_BYTES = 16 * 1024;

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

const SELECT = {
  id: true,
  clientId: true,
  name: true,
  logoUri: true,
  redirectUris: true,
  tokenEndpointAuthMethod: true,
  clientSecretHash: true,
  registrationType: true,
} as const;

/** Dynamic Client Registration (RFC 7591), idempotent for identical public-client metadata. */
export async function registerClient(body: unknown) {
  const parsed = OAuthClientMetadataSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new OAuthError(
      issue?.path[0] === "redirect_uris" ? "invalid_redirect_uri" : "invalid_client_metadata",
      `${issue?.path.join(".") || "metadata"}: ${issue?.message ?? "invalid"}`,
    );
  }
  const meta = parsed.data;
  if (meta.redirect_uris.length === 0)
    throw new OAuthError("invalid_redirect_uri", "Register at least one redirect URI.");
  if (meta.redirect_uris.length > 20) throw new OAuthError("invalid_redirect_uri", "At most 20 redirect URIs.");
  for (const uri of meta.redirect_uris) {
    const problem = redirectUriProblem(String(uri));
    if (problem) throw new OAuthError("invalid_redirect_uri", problem);
  }
  const grantTypes = meta.grant_types ?? ["authorization_code", "refresh_token"];
  if (grantTypes.some((g) => g !== "authorization_code" && g !== "refresh_token")) {
    throw new OAuthError("invalid_client_metadata", "grant_types may only be authorization_code and refresh_token.");
  }
  if (meta.response_types && meta.response_types.some((r) => r !== "code")) {
    throw new OAuthError("invalid_client_metadata", 'response_types may only be "code".');
  }
  const authMethod = meta.token_endpoint_auth_method ?? "none";
  if (!["none", "client_secret_basic", "client_secret_post"].includes(authMethod)) {
    throw new OAuthError("invalid_client_metadata", `token_endpoint_auth_method ${authMethod} is not supported.`);
  }
  const name =
    (meta.client_name ?? "").trim().slice(0, 100) || new URL(String(meta.redirect_uris[0])).host || "MCP client";
  const normalized = {
    redirect_uris: meta.redirect_uris.map(String),
    client_name: name,
    client_uri: meta.client_uri ?? null,
    logo_uri: meta.logo_uri ?? null,
    grant_types: grantTypes,
    token_endpoint_auth_method: authMethod,
    scope: meta.scope ?? null,
  };
  const metadataHash = createHash("sha256").update(JSON.stringify(normalized)).digest("hex");
  const now = new Date();

  if (authMethod === "none") {
    const existing = await prisma.oAuthClient.findFirst({
      where: { metadataHash, registrationType: "dcr", OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      select: { clientId: true, createdAt: true },
    });
    if (existing)
      return {
        ...withoutNulls(normalized),
        client_id: existing.clientId,
        client_id_issued_at: Math.floor(existing.createdAt.getTime() / 1000),
      };
  }
  await forgetExpiredClients(now);
  const clientId = `dbcl_${randomBytes(16).toString("base64url")}`;
  const secret = authMethod === "none" ? null : randomBytes(32).toString("base64url");
  const created = await prisma.oAuthClient.create({
    data: {
      clientId,
      clientSecretHash: secret ? hashToken(secret) : null,
      registrationType: "dcr",
      name,
      logoUri: normalized.logo_uri,
      clientUri: normalized.client_uri,
      redirectUris: normalized.redirect_uris,
      grantTypes,
      tokenEndpointAuthMethod: authMethod,
      metadataHash,
      metadata: normalized,
      expiresAt: new Date(now.getTime() + UNUSED_CLIENT_TTL_MS),
    },
    select: { createdAt: true },
  });
  return {
    ...withoutNulls(normalized),
    client_id: clientId,
    client_id_issued_at: Math.floor(created.createdAt.getTime() / 1000),
    ...(secret ? { client_secret: secret, client_secret_expires_at: 0 } : {}),
  };
}

/** RFC 7591 responses omit absent fields rather than sending nulls (clients validate strictly). */
function withoutNulls<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null)) as Partial<T>;
}

/**
 * A client already known to this server, by its public id: registered, or a
 * metadata document seen by the authorization endpoint. Never fetches, so
 * the token, revocation and consent endpoints cannot be made to reach out.
 */
export async function findClient(clientId: string | null | undefined): Promise<OAuthClientRecord> {
  if (!clientId) throw new OAuthError("invalid_request", "client_id is required.");
  const row = await prisma.oAuthClient.findUnique({ where: { clientId }, select: { ...SELECT, expiresAt: true } });
  if (!row || (row.expiresAt && row.expiresAt <= new Date())) {
    throw new OAuthError(
      "invalid_client",
      isClientIdUrl(clientId)
        ? "Unknown client_id: start again at the authorization endpoint."
        : "Unknown client_id: register the client again.",
    );
  }
  return row as OAuthClientRecord;
}

/**
 * The authorization endpoint's client: a metadata document URL is fetched
 * (through its cache) and stored only when first seen, changed, or expired
 * unused; anything else must already be registered.
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
    select: { ...SELECT, metadataHash: true, expiresAt: true },
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
  const expiresAt = new Date(now.getTime() + UNUSED_CLIENT_TTL_MS);
  if (!row) await forgetExpiredClients(now);
  const saved = await prisma.oAuthClient.upsert({
    where: { clientId },
    create: {
      clientId,
      registrationType: "cimd",
      grantTypes: ["authorization_code", "refresh_token"],
      expiresAt,
      ...fields,
    },
    update: { ...fields, ...(expired ? { expiresAt } : {}) },
    select: SELECT,
  });
  return saved as OAuthClientRecord;
}

/**
 * Clients that expired unused (no grant ever cleared their expiry) are
 * deleted when a new client arrives, so anonymous registrations and metadata
 * URLs cannot grow the table without bound. A day's grace keeps a row that is
 * in the middle of being approved.
 */
async function forgetExpiredClients(now: Date) {
  await prisma.oAuthClient.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 86_400_000) } } });
}

/** Token and revocation endpoints: who is the client (client_secret_basic, _post, or public). */
export async function authenticateClient(request: Request, form: URLSearchParams): Promise<OAuthClientRecord> {
  let clientId = form.get("client_id");
  let secret = form.get("client_secret");
  const header = request.headers.get("authorization");
  if (header?.toLowerCase().startsWith("basic ")) {
    const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
    const at = decoded.indexOf(":");
    if (at < 0) throw new OAuthError("invalid_client", "Malformed Basic credentials.");
    clientId = decodeURIComponent(decoded.slice(0, at));
    secret = decodeURIComponent(decoded.slice(at + 1));
  }
  const client = await findClient(clientId);
  if (client.tokenEndpointAuthMethod !== "none") {
    if (!secret || !client.clientSecretHash || !secretsEqual(hashToken(secret), client.clientSecretHash)) {
      throw new OAuthError("invalid_client", "Client authentication failed.");
    }
  }
  return client;
}
