// Token revocation (RFC 7009).
import { authenticateClient } from "@/lib/oauth/clients";
import { NO_STORE, OAuthError, oauthErrorResponse } from "@/lib/oauth/errors";
import { readOAuthForm } from "@/lib/oauth/form";
import { METADATA_CORS } from "@/lib/oauth/metadata";
import { revokeOAuthToken } from "@/lib/oauth/revoke";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    const form = await readOAuthForm(request);
    const client = await authenticateClient(request, form);
    const token = form.get("token");
    if (!token) throw new OAuthError("invalid_request", "token is required.");
    await revokeOAuthToken(client, token);
    return new Response(null, { status: 200, headers: { ...NO_STORE, ...METADATA_CORS } });
  } catch (error) {
    return oauthErrorResponse(error, METADATA_CORS);
  }
}

export const OPTIONS = () =>
  new Response(null, { status: 204, headers: { ...METADATA_CORS, "Access-Control-Allow-Methods": "POST, OPTIONS" } });
