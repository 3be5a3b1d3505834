import type { PlanTier } from "@/lib/generated/prisma/enums";
import { RateLimitOverridesSchema, type RateLimitOverrides } from "@/lib/validations/settings";

/** Atender's table: requests per minute, per day, and the per-second burst. */
export const PLAN_LIMITS: Record<PlanTier, Limits> = {
  starter: { perSecond: 10, perMinute: 60, perDay: 10_000, oauthPerMinute: 120 },
  professional: { perSecond: 50, perMinute: 300, perDay: 100_000, oauthPerMinute: 600 },
  enterprise: { perSecond: 200, perMinute: 1_000, perDay: 1_000_000, oauthPerMinute: 2_000 },
};

export type Limits = {
  perSecond: number;
  perMinute: number;
  perDay: number;
  /** The ceiling all OAuth connections of a workspace share, per minute. */
  oauthPerMinute: number;
};

/**
 * A workspace's stored overrides, read by their schema; what does not read is ignored. Each stored
 * object is read once: the credential cache hands every request of a workspace the same one.
 */
const readOverrides = new WeakMap<object, RateLimitOverrides>();
function overridesOf(stored: unknown): RateLimitOverrides {
  if (stored === null || typeof stored !== "object") return {};
  let read = readOverrides.get(stored);
  if (!read) {
    const parsed = RateLimitOverridesSchema.safeParse(stored);
    read = parsed.success ? parsed.data : {};
    readOverrides.set(stored, read);
  }
  return read;
}

export function limitsFor(plan: PlanTier, overrides: unknown): Limits {
  const { perMonth: _budget, ...windows } = overridesOf(overrides);
  return { ...PLAN_LIMITS[plan], ...windows };
}

/**
 * The monthly tool-call budget a workspace shares, per agent seat (active member), by plan; an
 * owner's `perMonth` override replaces the product for the whole workspace.
 */
export const MONTHLY_TOOL_CALLS_PER_SEAT: Record<PlanTier, number> = {
  starter: 2_000,
  professional: 10_000,
  enterprise: 50_000,
};

export function monthlyBudgetFor(plan: PlanTier, seats: number, overrides: unknown): number {
  return overridesOf(overrides).perMonth ?? MONTHLY_TOOL_CALLS_PER_SEAT[plan] * Math.max(1, seats);
}

export type WindowName = "second" | "minute" | "day" | "month";
/** A month window is a calendar month (UTC); its counter lives at most 31 days. */
export const WINDOW_SECONDS: Record<WindowName, number> = {
  second: 1,
  minute: 60,
  day: 86_400,
  month: 31 * 86_400,
};

/** The calendar month (UTC) a moment falls in, and when the next one starts. */
export function calendarMonth(now: number): { label: string; endsAtMs: number } {
  const date = new Date(now);
  return {
    label: date.toISOString().slice(0, 7),
    endsAtMs: Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1),
  };
}

/** Unauthenticated OAuth endpoints (token exchange) are limited per client IP. */
export const TOKEN_ENDPOINT_LIMITS: Limits = { perSecond: 20, perMinute: 300, perDay: 20_000, oauthPerMinute: 120 };

/**
 * Anonymous requests that cost the server a write or an outbound fetch,
 * limited per client IP. Each policy keeps counters of its own.
 */
export const PER_IP_LIMITS = {
  /** Dynamic Client Registration; roomy enough for a hosted client's shared egress (claude.ai re-registers often). */
  registration: { perSecond: 20, perMinute: 60, perDay: 1_000 },
  /** Authorization requests whose client_id is a metadata document URL not in the cache: one fetch each. */
  "client-document": { perSecond: 30, perMinute: 30, perDay: 500 },
  /** Searches of a public help center: anyone may search, no one may make the database do it without end. */
  "help-search": { perSecond: 5, perMinute: 60, perDay: 2_000 },
  /** Ratings sent from public CSAT links: a customer rates once or twice, a script would not stop. */
  "csat-rating": { perSecond: 5, perMinute: 20, perDay: 300 },
  /** Forgot-password requests: each one sends a mail, so an address may ask a few times, not flood inboxes. */
  "password-reset": { perSecond: 2, perMinute: 10, perDay: 100 },
} satisfies Record<string, Omit<Limits, "oauthPerMinute">>;
export type PerIpPolicy = keyof typeof PER_IP_LIMITS;

/** Failed token requests per client IP and minute: clients that work rarely fail, guessing always does. */
export const TOKEN_ENDPOINT_FAILURES_PER_MINUTE = 30;
