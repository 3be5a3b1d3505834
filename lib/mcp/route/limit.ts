import "server-only";
import { getEnv } from "@/lib/env";
import type { McpAuth } from "@/lib/mcp/server";
import type { Step } from "@/lib/mcp/route/step";
import { checkRateLimit, identityOf, rateLimitedResponse } from "@/lib/rate-limit/limiter";
import { limitsFor } from "@/lib/rate-limit/policies";

// The MCP route's third step: the caller's limits, per user, else per workspace for org-level keys;
// OAuth connections also share a workspace ceiling.

/** Goes on with the X-RateLimit headers for the answer, or stops with the 429 of the contract. */
export async function limitCaller(
  auth: McpAuth,
  cors: Record<string, string>,
): Promise<Step<{ headers: Record<string, string> }>> {
  // Operators may switch limits off (the benchmarks compare both in one run).
  if (getEnv().RATE_LIMITS === "off") return { ok: true, headers: {} };
  const { credential } = auth;
  try {
    const decision = await checkRateLimit({
      identity: identityOf({
        userId: credential.userId,
        orgWorkspaceId: credential.orgLevel ? credential.workspaceId : null,
        ip: auth.ip,
      }),
      limits: limitsFor(credential.planTier, credential.rateLimitOverrides),
      oauthWorkspaceId: credential.kind === "oauth" ? credential.workspaceId : undefined,
    });
    if (!decision.allowed) return { ok: false, response: rateLimitedResponse(decision, cors) };
    return { ok: true, headers: decision.headers };
  } catch (error) {
    // The limiter fails open: availability first. An unreachable store is handled (and reported once
    // per outage) inside the limiter; what reaches here is unexpected, so every occurrence is logged.
    console.warn(
      "[deskbridge] rate limiter failed, allowing the request:",
      error instanceof Error ? error.message : error,
    );
    return { ok: true, headers: {} };
  }
}
