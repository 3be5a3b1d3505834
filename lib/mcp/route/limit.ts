import "server-only";
import { getEnv } from "@/lib/env";
import type { VerifiedCredential } from "@/lib/credentials/verify-bearer";
import type { Step } from "@/lib/mcp/route/step";
import { checkRateLimit, identityOf, rateLimitedResponse } from "@/lib/rate-limit/limiter";
import { limitsFor, monthlyBudgetFor } from "@/lib/rate-limit/policies";

// The MCP route's third step: the caller's limits, per user, else per workspace for org-level keys;
// OAuth connections also share a workspace ceiling, and tool calls the workspace's monthly budget.

export type Limited = {
  /** Goes on with the X-RateLimit headers for the answer, or stops with the 429 of the contract. */
  step: Step<{ headers: Record<string, string> }>;
  /** The workspace's access version, read in the same round trip; null when unknown. */
  accessVersion: string | null;
};

/** Counts the call against the caller's windows in one round trip of the limiter's store. */
export async function limitCaller(
  credential: VerifiedCredential,
  ip: string | null,
  cors: Record<string, string>,
  /** A tools/call request, which also spends the monthly budget. */
  toolCall: boolean,
): Promise<Limited> {
  // Operators may switch limits off (the benchmarks compare both in one run).
  if (getEnv().RATE_LIMITS === "off") return { step: { ok: true, headers: {} }, accessVersion: null };
  try {
    const decision = await checkRateLimit({
      identity: identityOf({
        userId: credential.userId,
        orgWorkspaceId: credential.orgLevel ? credential.workspaceId : null,
        ip,
      }),
      limits: limitsFor(credential.planTier, credential.rateLimitOverrides),
      oauthWorkspaceId: credential.kind === "oauth" ? credential.workspaceId : undefined,
      accessScope: credential.workspaceId,
      monthlyBudget: toolCall
        ? {
            workspaceId: credential.workspaceId,
            calls: monthlyBudgetFor(credential.planTier, credential.seats, credential.rateLimitOverrides),
          }
        : undefined,
    });
    const accessVersion = decision.accessVersion ?? null;
    if (!decision.allowed) return { step: { ok: false, response: rateLimitedResponse(decision, cors) }, accessVersion };
    return { step: { ok: true, headers: decision.headers }, accessVersion };
  } catch (error) {
    // The limiter fails open: availability first. An unreachable store is handled (and reported once
    // per outage) inside the limiter; what reaches here is unexpected, so every occurrence is logged.
    console.warn(
      "[deskbridge] rate limiter failed, allowing the request:",
      error instanceof Error ? error.message : error,
    );
    return { step: { ok: true, headers: {} }, accessVersion: null };
  }
}
