// Token endpoint: the grants of lib/oauth/grants/registry.ts, limited per client address.
import { authenticateClient } from "@/lib/oauth/clients/authenticate";
import { withOAuthEndpoint } from "@/lib/oauth/endpoint";
import { readOAuthForm } from "@/lib/oauth/form";
import { exchangeGrant } from "@/lib/oauth/grants/registry";
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

const identityOfRequest = (request: Request) => identityOf({ userId: null, ip: clientIp(request) });

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = withOAuthEndpoint({
  caller: "client",
  async POST(request) {
    const identity = identityOfRequest(request);
    const decisions = await Promise.all([
      checkRateLimit({ identity, limits: TOKEN_ENDPOINT_LIMITS }).catch(() => null),
      checkFailureLimit(identity, TOKEN_ENDPOINT_FAILURES_PER_MINUTE).catch(() => null),
    ]);
    const refusal = decisions.find((decision) => decision && !decision.allowed);
    if (refusal) return rateLimitedResponse(refusal);
    const form = await readOAuthForm(request);
    const client = await authenticateClient(request, form);
    return Response.json(await exchangeGrant(client, form));
  },
  // Failed requests count towards the per-address failure limit.
  onError: (request) => countFailure(identityOfRequest(request), TOKEN_ENDPOINT_FAILURES_PER_MINUTE),
});
