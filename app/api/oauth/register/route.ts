// Dynamic Client Registration (RFC 7591).
import { readClientMetadata, registerClient } from "@/lib/oauth/clients/register";
import { withOAuthEndpoint } from "@/lib/oauth/endpoint";
import { OAuthError } from "@/lib/oauth/errors";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { checkPerIpRateLimit } from "@/lib/rate-limit/limiter";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = withOAuthEndpoint({
  caller: "client",
  async POST(request) {
    // Per client IP, before the body is read: nothing in the body (a new name) buys another try.
    const limit = await checkPerIpRateLimit("registration", clientIp(request)).catch(() => null);
    if (limit && !limit.allowed) {
      throw new OAuthError(
        "slow_down",
        `Too many registrations from this address: reuse the client_id you have, or try again in ${limit.resetS} s.`,
        429,
        { ...limit.headers, "Retry-After": String(limit.resetS) },
      );
    }
    const client = await registerClient(await readClientMetadata(request));
    return Response.json(client, { status: 201 });
  },
});
