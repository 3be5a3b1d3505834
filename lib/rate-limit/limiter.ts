import "server-only";
import { counterStore, type CounterStore, type WindowSpec } from "@/lib/rate-limit/store";
import {
  calendarMonth,
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
  /** A tool call spends one of its workspace's monthly budget (a calendar month, UTC). */
  monthlyBudget?: { workspaceId: string; calls: number };
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
  const { identity, limits, oauthWorkspaceId, monthlyBudget } = subject;
  const names: WindowName[] = ["second", "minute"];
  const windows: WindowSpec[] = [
    { key: `${identity}:s`, points: limits.perSecond, durationS: WINDOW_SECONDS.second },
    { key: `${identity}:m`, points: limits.perMinute, durationS: WINDOW_SECONDS.minute },
  ];
  if (oauthWorkspaceId) {
    names.push("minute");
    windows.push({
      key: `oauth-ws-${oauthWorkspaceId}:m`,
      points: limits.oauthPerMinute,
      durationS: WINDOW_SECONDS.minute,
    });
  }
  names.push("day");
  windows.push({ key: `${identity}:d`, points: limits.perDay, durationS: WINDOW_SECONDS.day });
  if (monthlyBudget) {
    const month = calendarMonth(Date.now());
    names.push("month");
    windows.push({
      key: monthKey(monthlyBudget.workspaceId, month.label),
      points: monthlyBudget.calls,
      durationS: WINDOW_SECONDS.month,
      resetAtMs: month.endsAtMs,
    });
  }
  const { deciding, hit, version } = await store.hitAll(windows, subject.accessScope);
  const w = windows[deciding]!;
  const resetMs = w.resetAtMs ? w.resetAtMs - Date.now() : hit.resetMs;
  return { ...describe(names[deciding]!, w.points, hit.remaining, resetMs, hit.allowed), accessVersion: version };
}

/** A workspace's monthly tool-call counter: the month is part of the key, so each month starts at zero. */
function monthKey(workspaceId: string, month: string) {
  return `ws-${workspaceId}:mo:${month}`;
}

/**
 * Spends a single-use key (a confirmation token's signature): true the first time within
 * `durationS`, on every instance that shares the store; false for every use after that.
 */
export async function spendOnce(key: string, durationS: number, store: CounterStore = counterStore()) {
  return (await store.hit(`once:${key}`, 1, durationS)).allowed;
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
    ["second", `${subject.identity}:s`, subject.limits.perSecond],
    ["minute", `${subject.identity}:m`, subject.limits.perMinute],
    ["day", `${subject.identity}:d`, subject.limits.perDay],
  ];
  const month = calendarMonth(Date.now());
  if (subject.monthlyBudget)
    windows.push(["month", monthKey(subject.monthlyBudget.workspaceId, month.label), subject.monthlyBudget.calls]);
  return Promise.all(
    windows.map(async ([window, key, limit]) => {
      const peek = await store.peek(key, limit, WINDOW_SECONDS[window]).catch(() => ({ remaining: limit, resetMs: 0 }));
      const resetMs = window === "month" ? month.endsAtMs - Date.now() : peek.resetMs;
      return { window, limit, remaining: peek.remaining, reset_s: Math.ceil(resetMs / 1000) };
    }),
  );
}
