import { getEnv } from "@/lib/env";

// Control characters (C0, DEL, C1) and backslashes: browsers drop tabs and
// newlines from URLs and read "\" as "/", so "/\t/evil.example" or "/\evil.example"
// leave the app once a browser follows them.
function hasUnsafeCharacter(value: string): boolean {
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f) || char === "\\") return true;
  }
  return false;
}

/**
 * The path within `origin` that `value` names (path, query and fragment), or
 * null when it names anything else: another origin, a scheme-relative or
 * otherwise ambiguous spelling, or a value with characters browsers rewrite.
 */
export function returnPathWithin(value: unknown, origin: string): string | null {
  if (typeof value !== "string" || value === "" || hasUnsafeCharacter(value)) return null;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return null;
  }
  if (url.origin !== new URL(origin).origin) return null;
  const path = url.pathname + url.search + url.hash;
  // "/.//evil.example" normalises to "//evil.example", which a browser reads as another host.
  return path.startsWith("/") && !path.startsWith("//") ? path : null;
}

/** Where to send someone after sign-in: a path of this app (APP_URL), else the fallback. */
export function safeReturnPath(value: unknown, fallback = "/tickets"): string {
  return returnPathWithin(value, getEnv().APP_URL) ?? fallback;
}

/** The sign-in page, coming back to `returnTo` afterwards when it is a path of this app. */
export function signInPath(returnTo?: string | null): string {
  const back = returnPathWithin(returnTo, getEnv().APP_URL);
  return back ? `/login?callbackUrl=${encodeURIComponent(back)}` : "/login";
}
