// Token endpoint: authorization_code and refresh_token grants.
import { authenticateClient } from "@/lib/oauth/clients";
import { NO_STORE, OAuthError, oauthErrorResponse } from "@/lib/oauth/errors";
import { exchangeAuthorizationCode } from "@/lib/oauth/grants/authorization-code";
import { exchangeRefreshToken } from "@/lib/oauth/grants/refresh-token";
import { METADATA_CORS } from "@/lib/oauth/metadata";
import { readOAuthForm } from "@/lib/oauth/form";
import { clientIp } from "@/lib/rate-limit/client-ip";
import {
  checkFailureLimit,
  checkRateLimit,
  countFailure,
  identityOf,
  rateLimitedResponse,
} from "@/lib/rate-limit/limiter";
import { TOKEN_ENDPOINT_FAILURES_PER_MINUTE, TOKEN_ENDPOINT_LIMITS } from "@/lib/rate-limit/policies";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const identity = identityOf({ userId: null, ip: clientIp(request) });
  try {
    const decisions = await Promise.all([
      checkRateLimit({ identity, limits: TOKEN_ENDPOINT_LIMITS }).catch(() => null),
      checkFailureLimit(identity, TOKEN_ENDPOINT_FAILURES_PER_MINUTE).catch(() => null),
    ]);
    const refusal = decisions.find((decision) => decision && !decision.allowed);
    if (refusal) return rateLimitedResponse(refusal, { ...NO_STORE, ...METADATA_CORS });
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
    await countFailure(identity, TOKEN_ENDPOINT_FAILURES_PER_MINUTE).catch(() => undefined);
    return oauthErrorResponse(error, METADATA_CORS);
  }
}

export const OPTIONS = () =>
  new Response(null, { status: 204, headers: { ...METADATA_CORS, "Access-Control-Allow-Methods": "POST, OPTIONS" } });
