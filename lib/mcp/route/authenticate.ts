import "server-only";
import { authenticateBearer, confirmBearer, type Authentication } from "@/lib/credentials/auth-cache";
import type { McpAuth } from "@/lib/mcp/server";
import type { Step } from "@/lib/mcp/route/step";
import { mcpUrl, READONLY_SUFFIX, resourceMetadataUrl } from "@/lib/mcp/urls";
import { clientIp } from "@/lib/rate-limit/client-ip";

// The MCP route's second step: the bearer, from the Authorization header only, verified (from this
// process's credential cache when it holds it); or the 401 (or 400) of the contract, with the challenge
// that points clients at the resource metadata. A cached credential is trusted only once the limit
// step's access version confirms it (confirmCaller), so a revocation on any instance applies to the
// very next request.

/** What a client without a usable token should ask for: every family's access, within the person's role. */
const SCOPE_HINT = "mcp:read mcp:write";

/**
 * The Bearer challenge of every 401 and 403: where the resource metadata is, the error when there is
 * one, and the scopes to ask for (RFC 6750 §3, RFC 9728 §5.1).
 */
export function bearerChallenge(options: {
  error?: string;
  description?: string;
  scope?: string;
  readonly?: boolean;
}): string {
  const parts = [`resource_metadata="${resourceMetadataUrl(options.readonly ? READONLY_SUFFIX : "")}"`];
  if (options.error) parts.push(`error="${options.error}"`);
  if (options.description) parts.push(`error_description="${options.description}"`);
  parts.push(`scope="${options.scope ?? SCOPE_HINT}"`);
  return `Bearer ${parts.join(", ")}`;
}

/** The 401s of the contract: missing header, invalid token, expired token. */
export function unauthorized(kind: "missing" | "invalid" | "expired", readonly = false): Response {
  const body =
    kind === "missing"
      ? { error: "unauthorized", error_description: "missing or invalid Authorization header" }
      : kind === "invalid"
        ? { error: "invalid_token", error_description: "The access token is invalid." }
        : {
            error: "invalid_token",
            error_description: "The access token has expired. Refresh it (OAuth) or rotate the API key.",
          };
  return Response.json(body, {
    status: 401,
    headers: {
      "WWW-Authenticate": bearerChallenge(
        kind === "missing" ? { readonly } : { error: "invalid_token", description: body.error_description, readonly },
      ),
      "Cache-Control": "no-store",
    },
  });
}

function bearerOf(request: Request): string | null {
  const header = request.headers.get("authorization");
  const match = header ? /^Bearer[ ]+([^\s]+)\s*$/i.exec(header) : null;
  return match?.[1] ?? null;
}

type Authenticated = Extract<Authentication, { ok: true }>;

/** Goes on with the caller as verified or cached, the token it presented and its address. */
export async function authenticate(
  request: Request,
  endpoint: { readonly: boolean },
): Promise<Step<{ authentication: Authenticated; token: string; ip: string | null }>> {
  const url = new URL(request.url);
  if (url.searchParams.has("access_token") || url.searchParams.has("token")) {
    return {
      ok: false,
      response: Response.json(
        {
          error: "invalid_request",
          error_description: "Access tokens are accepted only in the Authorization header.",
        },
        { status: 400, headers: { "Cache-Control": "no-store" } },
      ),
    };
  }
  const token = bearerOf(request);
  if (!token) return { ok: false, response: unauthorized("missing", endpoint.readonly) };
  const ip = clientIp(request);
  const authentication = await authenticateBearer(token, { resource: mcpUrl(), ip });
  if (!authentication.ok) return { ok: false, response: unauthorized(authentication.reason, endpoint.readonly) };
  return { ok: true, authentication, token, ip };
}

/**
 * Goes on with the caller once its credential is confirmed: a cached one against the workspace's
 * access version the limiter read (unknown or changed: verified again from the database).
 */
export async function confirmCaller(
  authentication: Authenticated,
  ip: string | null,
  accessVersion: string | null | undefined,
  endpoint: { readonly: boolean },
): Promise<Step<{ auth: McpAuth }>> {
  const confirmed = await confirmBearer(authentication, accessVersion);
  if (!confirmed.ok) return { ok: false, response: unauthorized(confirmed.reason, endpoint.readonly) };
  return { ok: true, auth: { credential: confirmed.credential, ip } };
}
