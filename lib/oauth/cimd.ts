import "server-only";
import { createHash } from "node:crypto";
import { OAuthClientMetadataSchema } from "@modelcontextprotocol/sdk/shared/auth.js";
import { fetchOutbound, OutboundError, type OutboundFailure, type OutboundFetch } from "@/lib/outbound/fetch";
import { OAuthError } from "@/lib/oauth/errors";
import { checkApplicationType, redirectUriProblem } from "@/lib/oauth/redirect-uri";

// Client ID Metadata Documents: a client_id that is an https URL names a JSON
// document describing the client. Fetched through the outbound fetcher (public
// addresses only, pinned, no redirects, bounded), cached by its HTTP caching
// headers.

const MAX_BYTES = 64 * 1024;
const TIMEOUT_MS = 5_000;
const DEFAULT_TTL_S = 300;
const MAX_TTL_S = 86_400;
/** Documents kept in memory at most; the oldest goes first. */
const MAX_CACHED = 1_000;

export type ClientDocument = {
  clientId: string;
  name: string;
  logoUri: string | null;
  clientUri: string | null;
  redirectUris: string[];
  metadata: unknown;
  /** SHA-256 of the document, to tell a changed document from one already stored. */
  hash: string;
};

const cache = new Map<string, { doc: ClientDocument; expires: number }>();

export function isClientIdUrl(clientId: string): boolean {
  return clientId.startsWith("https://");
}

/** True when reading this client_id would fetch from the network (it is a URL and not cached). */
export function needsDocumentFetch(clientId: string): boolean {
  if (!isClientIdUrl(clientId)) return false;
  const cached = cache.get(clientId);
  return !cached || cached.expires <= Date.now();
}

/** Validates a fetched document against its URL (exported for unit tests). */
export function parseClientDocument(url: string, body: unknown): ClientDocument {
  const parsed = OAuthClientMetadataSchema.extend({}).passthrough().safeParse(body);
  if (!parsed.success)
    throw new OAuthError("invalid_client", `The client metadata document at ${url} is not valid client metadata.`);
  const doc = parsed.data as typeof parsed.data & { client_id?: unknown };
  if (doc.client_id !== url)
    throw new OAuthError("invalid_client", `The client metadata document's client_id must equal its URL (${url}).`);
  for (const uri of doc.redirect_uris) {
    const problem = redirectUriProblem(String(uri));
    if (problem)
      throw new OAuthError(
        "invalid_client",
        `The client metadata document lists an unusable redirect URI: ${problem}.`,
      );
  }
  const redirectUris = doc.redirect_uris.map(String);
  const applicationType = checkApplicationType((doc as { application_type?: unknown }).application_type, redirectUris);
  if (!applicationType.ok)
    throw new OAuthError(
      "invalid_client",
      applicationType.field === "redirect_uris"
        ? `The client metadata document lists ${applicationType.message}.`
        : `The client metadata document's ${applicationType.message}.`,
    );
  return {
    clientId: url,
    name: doc.client_name ?? new URL(url).host,
    logoUri: doc.logo_uri ?? null,
    clientUri: doc.client_uri ?? null,
    redirectUris,
    metadata: doc,
    hash: createHash("sha256").update(JSON.stringify(doc)).digest("hex"),
  };
}

const FAILURE: Record<OutboundFailure, string> = {
  invalid_url: "A URL client_id must be a plain https URL.",
  private_address:
    "The client metadata document's host is not a public address (private, loopback, link-local or reserved).",
  unresolvable: "The client metadata document's host does not resolve.",
  timeout: "The client metadata document did not arrive in time.",
  too_large: "The client metadata document is too large.",
  redirect: "The client metadata document answered with a redirect; it must be served at its client_id URL.",
  bad_status: "The client metadata document could not be fetched",
  network: "The client metadata document could not be fetched.",
};

export async function fetchClientDocument(
  clientId: string,
  fetcher: OutboundFetch = fetchOutbound,
): Promise<ClientDocument> {
  const cached = cache.get(clientId);
  if (cached && cached.expires > Date.now()) return cached.doc;
  let url: URL;
  try {
    url = new URL(clientId);
  } catch {
    throw new OAuthError("invalid_client", "client_id is not a valid URL.");
  }
  if (url.protocol !== "https:" || url.username || url.password || url.hash || clientId.includes("#")) {
    throw new OAuthError("invalid_client", FAILURE.invalid_url);
  }
  let response;
  try {
    response = await fetcher(url.toString(), {
      headers: { Accept: "application/json" },
      timeoutMs: TIMEOUT_MS,
      maxBytes: MAX_BYTES,
    });
  } catch (error) {
    if (!(error instanceof OutboundError)) throw error;
    const message =
      error.reason === "bad_status" ? `${FAILURE.bad_status} (HTTP ${error.status}).` : FAILURE[error.reason];
    throw new OAuthError("invalid_client", message);
  }
  let body: unknown;
  try {
    body = JSON.parse(response.body.toString("utf8"));
  } catch {
    throw new OAuthError("invalid_client", "The client metadata document is not JSON.");
  }
  const doc = parseClientDocument(clientId, body);
  const ttl = ttlOf(response.headers.get("cache-control"));
  if (ttl > 0) {
    cache.delete(clientId);
    cache.set(clientId, { doc, expires: Date.now() + ttl * 1000 });
    if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  }
  return doc;
}

function ttlOf(cacheControl: string | null): number {
  if (!cacheControl) return DEFAULT_TTL_S;
  if (/no-store|no-cache/i.test(cacheControl)) return 0;
  const maxAge = /max-age=(\d+)/i.exec(cacheControl);
  return maxAge ? Math.min(Number(maxAge[1]), MAX_TTL_S) : DEFAULT_TTL_S;
}
