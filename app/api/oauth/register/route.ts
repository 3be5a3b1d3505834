// Dynamic Client Registration (RFC 7591).
import { METADATA_CORS } from "@/lib/oauth/metadata";
import { MAX_REGISTRATION_BYTES, registerClient } from "@/lib/oauth/clients";
import { NO_STORE, OAuthError, oauthErrorResponse } from "@/lib/oauth/errors";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { checkPerIpRateLimit } from "@/lib/rate-limit/limiter";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    // Per client IP, before the body is read: nothing in the body (a new name) buys another try.
    const limit = await checkPerIpRateLimit("registration", clientIp(request)).catch(() => null);
    if (limit && !limit.allowed) {
      return oauthErrorResponse(
        new OAuthError(
          "slow_down",
          `Too many registrations from this address: reuse the client_id you have, or try again in ${limit.resetS} s.`,
        ),
        { ...METADATA_CORS, ...limit.headers, "Retry-After": String(limit.resetS) },
      );
    }
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
    const client = await registerClient(body);
    return Response.json(client, { status: 201, headers: { ...NO_STORE, ...METADATA_CORS } });
  } catch (error) {
    return oauthErrorResponse(error, METADATA_CORS);
  }
}

export const OPTIONS = () =>
  new Response(null, { status: 204, headers: { ...METADATA_CORS, "Access-Control-Allow-Methods": "POST, OPTIONS" } });
