import "server-only";
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { OAuthClientMetadataSchema } from "@modelcontextprotocol/sdk/shared/auth.js";
import { OAuthError } from "@/lib/oauth/errors";
import { redirectUriProblem } from "@/lib/oauth/redirect-uri";

// Client ID Metadata Documents: a client_id that is an https URL names a JSON
// document describing the client. Fetched with bounds (time, size), cached by
// its HTTP caching headers, and never from private, loopback or link-local
// addresses (SSRF).

const MAX_BYTES = 64 * 1024;
const TIMEOUT_MS = 5_000;
const DEFAULT_TTL_S = 300;
const MAX_TTL_S = 86_400;

export type ClientDocument = {
  clientId: string;
  name: string;
  logoUri: string | null;
  clientUri: string | null;
  redirectUris: string[];
  metadata: unknown;
};

const cache = new Map<string, { doc: ClientDocument; expires: number }>();

export function isClientIdUrl(clientId: string): boolean {
  return clientId.startsWith("https://");
}

/** True for addresses a server-side fetch must never reach. */
export function isPrivateAddress(address: string): boolean {
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  if (isIP(v4) === 4) {
    const [a, b] = v4.split(".").map(Number) as [number, number];
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127) ||
      a >= 224
    );
  }
  const v6 = address.toLowerCase();
  return (
    v6 === "::" ||
    v6 === "::1" ||
    v6.startsWith("fc") ||
    v6.startsWith("fd") ||
    v6.startsWith("fe8") ||
    v6.startsWith("fe9") ||
    v6.startsWith("fea") ||
    v6.startsWith("feb") ||
    v6.startsWith("ff")
  );
}

export type Fetcher = (url: string, init: RequestInit) => Promise<Response>;

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
  return {
    clientId: url,
    name: doc.client_name ?? new URL(url).host,
    logoUri: doc.logo_uri ?? null,
    clientUri: doc.client_uri ?? null,
    redirectUris: doc.redirect_uris.map(String),
    metadata: doc,
  };
}

export async function fetchClientDocument(clientId: string, fetcher: Fetcher = fetch): Promise<ClientDocument> {
  const cached = cache.get(clientId);
  if (cached && cached.expires > Date.now()) return cached.doc;
  let url: URL;
  try {
    url = new URL(clientId);
  } catch {
    throw new OAuthError("invalid_client", "client_id is not a valid URL.");
  }
  if (url.protocol !== "https:" || url.username || url.password || url.hash) {
    throw new OAuthError("invalid_client", "A URL client_id must be a plain https URL.");
  }
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
  if (addresses.length === 0)
    throw new OAuthError("invalid_client", `The client metadata host ${url.hostname} does not resolve.`);
  if (addresses.some(isPrivateAddress)) {
    throw new OAuthError(
      "invalid_client",
      "The client metadata document points at a private, loopback or link-local address.",
    );
  }
  let response: Response;
  try {
    response = await fetcher(url.toString(), {
      redirect: "error",
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: { Accept: "application/json" },
    });
  } catch {
    throw new OAuthError("invalid_client", "The client metadata document could not be fetched.");
  }
  if (!response.ok)
    throw new OAuthError("invalid_client", `The client metadata document answered HTTP ${response.status}.`);
  const length = Number(response.headers.get("content-length") ?? 0);
  if (length > MAX_BYTES) throw new OAuthError("invalid_client", "The client metadata document is too large.");
  const text = await readBounded(response);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new OAuthError("invalid_client", "The client metadata document is not JSON.");
  }
  const doc = parseClientDocument(clientId, body);
  cache.set(clientId, { doc, expires: Date.now() + ttlOf(response.headers.get("cache-control")) * 1000 });
  return doc;
}

async function readBounded(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BYTES) {
      await reader.cancel();
      throw new OAuthError("invalid_client", "The client metadata document is too large.");
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function ttlOf(cacheControl: string | null): number {
  if (!cacheControl) return DEFAULT_TTL_S;
  if (/no-store|no-cache/i.test(cacheControl)) return 0;
  const maxAge = /max-age=(\d+)/i.exec(cacheControl);
  return maxAge ? Math.min(Number(maxAge[1]), MAX_TTL_S) : DEFAULT_TTL_S;
}
