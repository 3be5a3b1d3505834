import "server-only";
import { verifyBearer } from "@/lib/credentials/verify-bearer";
import type { McpAuth } from "@/lib/mcp/server";
import type { Step } from "@/lib/mcp/route/step";
import { mcpUrl, resourceMetadataUrl } from "@/lib/mcp/urls";
import { clientIp } from "@/lib/rate-limit/client-ip";

// The MCP route's second step: the bearer, from the Authorization header only, verified; or the 401
// (or 400) of the contract, with the challenge that points clients at the resource metadata.

const SCOPE_HINT = "mcp:read mcp:write";

function challenge(error: string | null, description: string | null): string {
  const parts = [`resource_metadata="${resourceMetadataUrl()}"`];
  if (error) parts.push(`error="${error}"`);
  if (description) parts.push(`error_description="${description}"`);
  parts.push(`scope="${SCOPE_HINT}"`);
  return `Bearer ${parts.join(", ")}`;
}

/** The 401s of the contract: missing header, invalid token, expired token. */
export function unauthorized(kind: "missing" | "invalid" | "expired"): Response {
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
      "WWW-Authenticate": challenge(
        kind === "missing" ? null : "invalid_token",
        kind === "missing" ? null : body.error_description,
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

/** Goes on with the verified caller and the token it presented. */
export async function authenticate(request: Request): Promise<Step<{ auth: McpAuth; token: string }>> {
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
  if (!token) return { ok: false, response: unauthorized("missing") };
  const ip = clientIp(request);
  const verified = await verifyBearer(token, { resource: mcpUrl(), ip });
  if (!verified.ok) return { ok: false, response: unauthorized(verified.reason) };
  return { ok: true, auth: { credential: verified.credential, ip }, token };
}
