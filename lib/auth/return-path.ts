/** Only same-origin paths may be returned to after sign-in (no open redirects). */
export function safeReturnPath(value: unknown, fallback = "/tickets"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\"))
    return fallback;
  return value;
}
