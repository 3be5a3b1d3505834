// A small in-process fixed-window counter for unauthenticated endpoints
// (client registration). Shared, multi-window limits for the MCP route live
// beside it.

const windows = new Map<string, { count: number; resetAt: number }>();

export function hitFixedWindow(
  key: string,
  limit: number,
  windowMs: number,
): { allowed: boolean; retryAfterS: number } {
  const now = Date.now();
  let entry = windows.get(key);
  if (!entry || entry.resetAt <= now) {
    entry = { count: 0, resetAt: now + windowMs };
    windows.set(key, entry);
    if (windows.size > 10_000) for (const [k, v] of windows) if (v.resetAt <= now) windows.delete(k);
  }
  entry.count += 1;
  return { allowed: entry.count <= limit, retryAfterS: Math.max(1, Math.ceil((entry.resetAt - now) / 1000)) };
}
