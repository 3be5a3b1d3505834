import "server-only";
import { counterStore, type CounterStore } from "@/lib/rate-limit/store";
import {
  PER_IP_LIMITS,
  WINDOW_SECONDS,
  type Limits,
  type PerIpPolicy,
  type WindowName,
} from "@/lib/rate-limit/policies";

export type RateLimitDecision = {
  allowed: boolean;
  /** The window that refused, or the tightest one when allowed. */
  window: WindowName;
  limit: number;
  remaining: number;
  resetS: number;
  headers: Record<string, string>;
  /**
   * The access version of the subject's `accessScope`, read in the same round
   * trip as the counts; null when the store keeps no versions or was not
   * reached (see lib/credentials/auth-cache.ts).
   */
  accessVersion?: string | null;
};

export type RateLimitSubject = {
  /** user-{id}, org-{workspaceId} or ip-{address}, in that order of preference. */
  identity: string;
  limits: Limits;
  /** OAuth connections of a workspace also share one per-minute ceiling. */
  oauthWorkspaceId?: string;
  /** A workspace id whose access version the decision should carry (the caller's workspace). */
  accessScope?: string;
};

export function identityOf(options: {
  userId: string | null;
  orgWorkspaceId?: string | null;
  ip?: string | null;
}): string {
  if (options.userId) return `user-${options.userId}`;
  if (options.orgWorkspaceId) return `org-${options.orgWorkspaceId}`;
  return `ip-${options.ip ?? "unknown"}`;
}

/**
 * Counts one request in every window of the subject (second, minute, the
 * OAuth workspace ceiling, day) in one call to the store, all or nothing: a
 * request refused by any window, the burst say, uses up none of the others.
 * The decision names the first window that refused, or the tightest one.
 */
export async function checkRateLimit(
  subject: RateLimitSubject,
  store: CounterStore = counterStore(),
): Promise<RateLimitDecision> {
  const windows: { key: string; window: WindowName; points: number }[] = [
    { key: `${subject.identity}:s`, window: "second", points: subject.limits.perSecond },
    { key: `${subject.identity}:m`, window: "minute", points: subject.limits.perMinute },
    ...(subject.oauthWorkspaceId
      ? [
          {
            key: `oauth-ws-${subject.oauthWorkspaceId}:m`,
            window: "minute" as const,
            points: subject.limits.oauthPerMinute,
          },
        ]
      : []),
    { key: `${subject.identity}:d`, window: "day", points: subject.limits.perDay },
  ];
  const result = await store.hitAll(
    windows.map((w) => ({ key: w.key, points: w.points, durationS: WINDOW_SECONDS[w.window] })),
    subject.accessScope,
  );
  const decisions = windows.map((w, i) => {
    const hit = result.hits[i]!;
    return describe(w.window, w.points, hit.remaining, hit.resetMs, hit.allowed);
  });
  const decision =
    result.refused >= 0
      ? decisions[result.refused]!
      : decisions.reduce((tightest, d) => (d.remaining / d.limit < tightest.remaining / tightest.limit ? d : tightest));
  return { ...decision, accessVersion: result.version };
}

/**
 * A per-minute window that only failed requests spend (the token endpoint's
 * bad codes, tokens and client ids): checking spends nothing, `countFailure`
 * spends one, and once it is spent every request of that identity waits.
 */
export async function checkFailureLimit(
  identity: string,
  limit: number,
  store: CounterStore = counterStore(),
): Promise<RateLimitDecision> {
  const peek = await store.peek(`${identity}:failed:m`, limit, WINDOW_SECONDS.minute);
  return describe("minute", limit, peek.remaining, peek.resetMs, peek.remaining > 0);
}

export async function countFailure(identity: string, limit: number, store: CounterStore = counterStore()) {
  await store.hit(`${identity}:failed:m`, limit, WINDOW_SECONDS.minute);
}

function describe(
  window: WindowName,
  limit: number,
  remaining: number,
  resetMs: number,
  allowed: boolean,
): RateLimitDecision {
  const resetS = Math.max(1, Math.ceil(resetMs / 1000));
  return {
    allowed,
    window,
    limit,
    remaining,
    resetS,
    headers: {
      "X-RateLimit-Limit": String(limit),
      "X-RateLimit-Remaining": String(remaining),
      "X-RateLimit-Reset": String(resetS),
    },
  };
}

/** One of the anonymous per-IP limits; the policy is part of the key, so each counts on its own. */
export function checkPerIpRateLimit(
  policy: PerIpPolicy,
  ip: string | null,
  store: CounterStore = counterStore(),
): Promise<RateLimitDecision> {
  return checkRateLimit(
    {
      identity: `${policy}:${identityOf({ userId: null, ip })}`,
      limits: { ...PER_IP_LIMITS[policy], oauthPerMinute: 0 },
    },
    store,
  );
}

/** The 429 of the contract. */
export function rateLimitedResponse(decision: RateLimitDecision, extra: Record<string, string> = {}): Response {
  return Response.json(
    { error: "rate limit exceeded", retry_after: `${decision.resetS} s`, limit_type: decision.window },
    { status: 429, headers: { ...decision.headers, "Retry-After": String(decision.resetS), ...extra } },
  );
}

export type WindowStatus = { window: WindowName; limit: number; remaining: number; reset_s: number };

/** Each window's limit and what is left, without spending any (get_me, the usage pages). */
export async function rateLimitStatus(
  subject: Omit<RateLimitSubject, "oauthWorkspaceId">,
  store: CounterStore = counterStore(),
): Promise<WindowStatus[]> {
  const windows: [WindowName, string, number][] = [
    ["second", "s", subject.limits.perSecond],
    ["minute", "m", subject.limits.perMinute],
    ["day", "d", subject.limits.perDay],
  ];
  return Promise.all(
    windows.map(async ([window, suffix, limit]) => {
      const peek = await store
        .peek(`${subject.identity}:${suffix}`, limit, WINDOW_SECONDS[window])
        .catch(() => ({ remaining: limit, resetMs: 0 }));
      return { window, limit, remaining: peek.remaining, reset_s: Math.ceil(peek.resetMs / 1000) };
    }),
  );
}
