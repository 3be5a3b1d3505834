import { isScope, normalizeScopes, type Scope } from "@/lib/auth/scopes";

/** Asked for nothing: a minimal read set. */
export const DEFAULT_OAUTH_SCOPES: Scope[] = ["tickets:read", "messages:read", "users:read"];

/**
 * Lenient parsing for sloppy clients: split on spaces (and commas), trim,
 * drop unknown scopes and offline_access (refresh tokens are always issued).
 */
export function parseRequestedScopes(raw: string | null | undefined): Scope[] {
  const asked = (raw ?? "")
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s && s !== "offline_access" && isScope(s));
  return asked.length ? normalizeScopes(asked) : DEFAULT_OAUTH_SCOPES;
}

export function sameOrNarrower(requested: readonly string[], granted: readonly string[]): boolean {
  return requested.every((scope) => granted.includes(scope));
}
