// Token endpoint: authorization_code and refresh_token grants.
import { authenticateClient } from "@/lib/oauth/clients";
import { NO_STORE, OAuthError, oauthErrorResponse } from "@/lib/oauth/errors";
import { exchangeAuthorizationCode } from "@/lib/oauth/grants/authorization-code";
import { exchangeRefreshToken } from "@/lib/oauth/grants/refresh-token";
import { METADATA_CORS } from "@/lib/oauth/metadata";
import { readOAuthForm } from "@/lib/oauth/form";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    const form = await readOAuthForm(request);
    const client = await authenticateClient(request, form);
    const grantType = form.get("grant_type");
    const tokens =
      grantType === "authorization_code"
        ? await exchangeAuthorizationCode(client, form)
        : grantType === "refresh_token"
          ? await exchangeRefreshToken(client, form)
          : (() => {
              throw new OAuthError("unsupported_grant_type", "grant_type must be authorization_code or refresh_token.");
            })();
    return Response.json(tokens, { headers: { ...NO_STORE, ...METADATA_CORS } });
  } catch (error) {
    return oauthErrorResponse(error, METADATA_CORS);
  }
}

export const OPTIONS = () =>
  new Response(null, { status: 204, headers: { ...METADATA_CORS, "Access-Control-Allow-Methods": "POST, OPTIONS" } });
