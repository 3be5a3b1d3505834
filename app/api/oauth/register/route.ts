// Dynamic Client Registration (RFC 7591).
import { METADATA_CORS } from "@/lib/oauth/metadata";
import { MAX_REGISTRATION_BYTES, registerClient } from "@/lib/oauth/clients";
import { NO_STORE, OAuthError, oauthErrorResponse } from "@/lib/oauth/errors";
import { hitFixedWindow } from "@/lib/rate-limit/fixed-window";

export const dynamic = "force-dynamic";

const REGISTRATIONS_PER_HOUR = 60;

/** Clients re-register often (claude.ai does); limit per client family, not per IP. */
function familyOf(body: unknown): string {
  const meta = (body ?? {}) as { client_name?: unknown; redirect_uris?: unknown };
  const name = typeof meta.client_name === "string" ? meta.client_name.toLowerCase().trim() : "";
  const first = Array.isArray(meta.redirect_uris) ? String(meta.redirect_uris[0] ?? "") : "";
  let host = "";
  try {
    host = new URL(first).host;
  } catch {
    host = first.split(":")[0] ?? "";
  }
  return `${name}|${host}`;
}

export async function POST(request: Request) {
  try {
    if (!request.headers.get("content-type")?.includes("application/json")) {
      throw new OAuthError("invalid_client_metadata", "Send the client metadata as application/json.");
    }
    const text = await request.text();
    if (Buffer.byteLength(text) > MAX_REGISTRATION_BYTES) {
      throw new OAuthError(
        "invalid_client_metadata",
        `The registration is larger than ${MAX_REGISTRATION_BYTES} bytes.`,
        413,
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new OAuthError("invalid_client_metadata", "The body is not valid JSON.");
    }
    const limit = hitFixedWindow(`dcr:${familyOf(body)}`, REGISTRATIONS_PER_HOUR, 3_600_000);
    if (!limit.allowed) {
      return oauthErrorResponse(
        new OAuthError("slow_down", "Too many registrations for this client; reuse the client_id you have."),
        {
          ...METADATA_CORS,
          "Retry-After": String(limit.retryAfterS),
        },
      );
    }
    const client = await registerClient(body);
    return Response.json(client, { status: 201, headers: { ...NO_STORE, ...METADATA_CORS } });
  } catch (error) {
    return oauthErrorResponse(error, METADATA_CORS);
  }
}

export const OPTIONS = () =>
  new Response(null, { status: 204, headers: { ...METADATA_CORS, "Access-Control-Allow-Methods": "POST, OPTIONS" } });
