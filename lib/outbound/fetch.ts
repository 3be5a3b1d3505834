import "server-only";
import { lookup as dnsLookup } from "node:dns/promises";
import type { LookupAddress, LookupOptions } from "node:dns";
import { isIP } from "node:net";
import { Agent } from "undici";
import { isTestRun } from "@/lib/env";
import { isPublicAddress } from "@/lib/outbound/public-address";

// The one way the server fetches a URL someone else chose (client metadata
// documents, webhook deliveries). The host is resolved once, inside the
// connection's own lookup, and every answer must be a public address before
// the socket may use it: there is no second resolution a rebinding DNS server
// could answer differently. https only, no redirects, bounded in time and size.

export type OutboundFailure =
  "invalid_url" | "private_address" | "unresolvable" | "timeout" | "too_large" | "redirect" | "bad_status" | "network";

export class OutboundError extends Error {
  constructor(
    readonly reason: OutboundFailure,
    message: string,
    /** The HTTP status, for "redirect" and "bad_status". */
    readonly status?: number,
  ) {
    super(message);
    this.name = "OutboundError";
  }
}

export type ResolvedAddress = { address: string; family: 4 | 6 };
/** Resolves a host name to every address it has (dns.lookup by default; tests pass their own). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export type OutboundRequest = {
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** The whole exchange, connection to last byte. */
  timeoutMs?: number;
  maxBytes?: number;
  resolver?: Resolver;
  /**
   * Lets a test reach its own server on 127.0.0.1 (exactly that address, over
   * http or https). Honoured only under the test runner: production can never
   * reach loopback.
   */
  allowLoopbackForTests?: boolean;
  /**
   * An operator's choice (WEBHOOKS_ALLOW_PRIVATE_TARGETS) to let the server reach private and
   * loopback addresses, over http or https: a receiver on the same machine or network.
   */
  allowPrivateTargets?: boolean;
  /**
   * Hand back any non-redirect answer rather than failing on a non-2xx status (a webhook delivery
   * logs what the receiver said).
   */
  acceptAnyStatus?: boolean;
};

export type OutboundResponse = { status: number; headers: Headers; body: Buffer };

export type OutboundFetch = (url: string, request?: OutboundRequest) => Promise<OutboundResponse>;

const DEFAULT_TIMEOUT_MS = 5_000;
const DEFAULT_MAX_BYTES = 1024 * 1024;
const TEST_LOOPBACK = "127.0.0.1";
const TIMEOUT_CODES = new Set(["UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);

const systemResolver: Resolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

type LookupCallback = (error: Error | null, address: string | LookupAddress[], family?: number) => void;

/** net/tls's `lookup` hook: resolve, refuse unless every answer is allowed, hand over only vetted addresses. */
function pinnedLookup(resolve: Resolver, allowed: (address: string) => boolean, onRefusal: (e: OutboundError) => void) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    const refuse = (error: OutboundError) => (onRefusal(error), callback(error, ""));
    resolve(hostname).then(
      (answers) => {
        if (answers.length === 0) return refuse(new OutboundError("unresolvable", `${hostname} does not resolve.`));
        const bad = answers.find((a) => !allowed(a.address));
        if (bad)
          return refuse(
            new OutboundError(
              "private_address",
              `${hostname} resolves to ${bad.address}, which is not a public address.`,
            ),
          );
        const wanted = options.family === 4 || options.family === 6 ? options.family : null;
        const usable = wanted ? answers.filter((a) => a.family === wanted) : answers;
        if (usable.length === 0)
          return refuse(new OutboundError("unresolvable", `${hostname} has no IPv${wanted} address.`));
        if (options.all) callback(null, usable);
        else callback(null, usable[0]!.address, usable[0]!.family);
      },
      () => refuse(new OutboundError("unresolvable", `${hostname} does not resolve.`)),
    );
  };
}

function checkedUrl(raw: string, allowed: (address: string) => boolean, plainHttp: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundError("invalid_url", "The URL is not valid.");
  }
  if (url.protocol !== "https:" && !(plainHttp && url.protocol === "http:"))
    throw new OutboundError(
      "invalid_url",
      plainHttp ? "Only http and https URLs are fetched." : "Only https URLs are fetched.",
    );
  if (url.username || url.password) throw new OutboundError("invalid_url", "The URL must not carry credentials.");
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  // A literal address never reaches the lookup hook, so it is vetted here.
  if (isIP(host) !== 0 && !allowed(host))
    throw new OutboundError("private_address", `${url.hostname} is not a public address.`);
  return url;
}

async function readBounded(body: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new OutboundError("too_large", `The response is larger than ${maxBytes} bytes.`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, v);
  }
  return headers;
}

type TargetPolicy = Pick<OutboundRequest, "allowLoopbackForTests" | "allowPrivateTargets">;

function policyOf(request: TargetPolicy) {
  const testLoopback = request.allowLoopbackForTests === true && isTestRun();
  const anyAddress = request.allowPrivateTargets === true;
  const allowed = (address: string) =>
    anyAddress || isPublicAddress(address) || (testLoopback && address === TEST_LOOPBACK);
  return { allowed, plainHttp: testLoopback || anyAddress };
}

/**
 * Checks a URL before it is stored (a webhook endpoint): its form, and that its host resolves to
 * addresses the fetcher would reach under the same policy. Throws the OutboundError the fetch
 * would; the fetch itself checks again, since DNS answers change.
 */
export async function checkOutboundTarget(
  raw: string,
  request: TargetPolicy & Pick<OutboundRequest, "resolver"> = {},
): Promise<URL> {
  const { allowed, plainHttp } = policyOf(request);
  const url = checkedUrl(raw, allowed, plainHttp);
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (isIP(host) !== 0) return url;
  let answers: ResolvedAddress[];
  try {
    answers = await (request.resolver ?? systemResolver)(host);
  } catch {
    throw new OutboundError("unresolvable", `${host} does not resolve.`);
  }
  if (answers.length === 0) throw new OutboundError("unresolvable", `${host} does not resolve.`);
  const bad = answers.find((a) => !allowed(a.address));
  if (bad)
    throw new OutboundError("private_address", `${host} resolves to ${bad.address}, which is not a public address.`);
  return url;
}

/** Fetches a URL chosen by someone outside; every failure is an OutboundError with its reason. */
export const fetchOutbound: OutboundFetch = async (raw, request = {}) => {
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = request.maxBytes ?? DEFAULT_MAX_BYTES;
  const { allowed, plainHttp } = policyOf(request);
  const url = checkedUrl(raw, allowed, plainHttp);

  let refusal: OutboundError | null = null;
  // One agent per call: its lookup carries this call's policy, and nothing
  // (no pooled socket) outlives the call.
  const agent = new Agent({
    connect: {
      lookup: pinnedLookup(request.resolver ?? systemResolver, allowed, (e) => (refusal = e)),
      timeout: timeoutMs,
    },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await agent.request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: request.method ?? "GET",
      headers: request.headers,
      body: request.body,
      signal,
    });
    const headers = toHeaders(response.headers);
    // undici's request() never follows redirects; a redirect is refused, not chased.
    if (response.statusCode >= 300 && response.statusCode < 400) {
      throw new OutboundError(
        "redirect",
        `The server answered a redirect (HTTP ${response.statusCode}).`,
        response.statusCode,
      );
    }
    if (!request.acceptAnyStatus && (response.statusCode < 200 || response.statusCode >= 300)) {
      throw new OutboundError("bad_status", `The server answered HTTP ${response.statusCode}.`, response.statusCode);
    }
    const length = Number(headers.get("content-length") ?? 0);
    if (length > maxBytes) throw new OutboundError("too_large", `The response is larger than ${maxBytes} bytes.`);
    return { status: response.statusCode, headers, body: await readBounded(response.body, maxBytes) };
  } catch (error) {
    if (refusal) throw refusal;
    if (error instanceof OutboundError) throw error;
    if (signal.aborted || TIMEOUT_CODES.has((error as { code?: string }).code ?? ""))
      throw new OutboundError("timeout", `No complete answer within ${timeoutMs} ms.`);
    throw new OutboundError("network", "The server could not be reached.");
  } finally {
    await agent.destroy().catch(() => undefined);
  }
};
