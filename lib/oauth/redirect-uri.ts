// Redirect URI rules: https, loopback http (any port, RFC 8252), or a private-use
// scheme (cursor://, vscode://); never a fragment or userinfo (RFC 6749
// §3.1.2), judged on the text as sent because the URL parser drops an empty
// "#" or "@"; matched exactly except for the loopback port (RFC 8252 §7.3).
// A client's application_type (OpenID Connect Dynamic Registration §2) narrows
// them: a web client redirects to https addresses only, never loopback; a
// native client to loopback http, a private-use scheme or a claimed https URL.

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);
const FORBIDDEN_SCHEMES = new Set([
  "javascript:",
  "data:",
  "file:",
  "vbscript:",
  "about:",
  "blob:",
  "ftp:",
  "ws:",
  "wss:",
]);

/** The authority as written (between "//" and the path), or "" when there is none. */
function rawAuthority(uri: string): string {
  const match = /^[a-z][a-z0-9+.-]*:[/\\]{2}([^/\\?#]*)/i.exec(uri);
  return match?.[1] ?? "";
}

export function redirectUriProblem(uri: string): string | null {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return `${uri} is not a URL`;
  }
  // The parser silently strips these, so the text a client registered would not be the address used.
  if (/[\u0000-\u0020\u007f\\]/.test(uri)) return `${uri} must not contain spaces, control characters or backslashes`;
  if (url.hash || uri.includes("#")) return `${uri} must not contain a fragment`;
  if (url.username || url.password || rawAuthority(uri).includes("@"))
    return `${uri} must not contain userinfo (a name or password before "@")`;
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:")
    return LOOPBACK.has(url.hostname) ? null : `${uri}: plain http is allowed only for loopback addresses`;
  if (FORBIDDEN_SCHEMES.has(url.protocol)) return `${uri} uses a scheme that cannot be a redirect URI`;
  // Private-use schemes (RFC 8252 §7.1) need a reverse-domain-style name.
  return /^[a-z][a-z0-9+.-]*\.[a-z0-9+.-]+:$/i.test(url.protocol) || /^[a-z][a-z0-9+.-]{2,}:$/i.test(url.protocol)
    ? null
    : `${uri} uses an unusable scheme`;
}

/** Exact match, except that a loopback redirect may use any port. */
export function redirectUriMatches(registered: readonly string[], requested: string): boolean {
  if (redirectUriProblem(requested)) return false;
  if (registered.includes(requested)) return true;
  let want: URL;
  try {
    want = new URL(requested);
  } catch {
    return false;
  }
  if (want.protocol !== "http:" || !LOOPBACK.has(want.hostname)) return false;
  return registered.some((candidate) => {
    try {
      const have = new URL(candidate);
      return (
        have.protocol === "http:" &&
        have.hostname === want.hostname &&
        have.pathname === want.pathname &&
        have.search === want.search
      );
    } catch {
      return false;
    }
  });
}

export const APPLICATION_TYPES = ["native", "web"] as const;
export type ApplicationType = (typeof APPLICATION_TYPES)[number];

function isLoopbackOrPrivateUse(uri: string): boolean {
  const url = new URL(uri);
  return url.protocol !== "https:" || LOOPBACK.has(url.hostname);
}

export type ApplicationTypeCheck =
  { ok: true; type: ApplicationType } | { ok: false; field: "application_type" | "redirect_uris"; message: string };

/**
 * The client's application_type, as declared or, when left out (most MCP clients leave it out),
 * read from its redirect URIs (any loopback or private-use redirect makes it native, else web); or
 * why it cannot be: an unknown value, or a redirect the type does not allow. The URIs must each
 * already be usable redirect URIs.
 */
export function checkApplicationType(declared: unknown, redirectUris: readonly string[]): ApplicationTypeCheck {
  if (declared !== undefined && declared !== null && !APPLICATION_TYPES.includes(declared as ApplicationType)) {
    return {
      ok: false,
      field: "application_type",
      message: `application_type must be "native" or "web", not ${JSON.stringify(declared)}`,
    };
  }
  const type =
    (declared as ApplicationType | null | undefined) ?? (redirectUris.some(isLoopbackOrPrivateUse) ? "native" : "web");
  const misfit = type === "web" ? redirectUris.find(isLoopbackOrPrivateUse) : undefined;
  if (misfit) {
    return {
      ok: false,
      field: "redirect_uris",
      message: `${misfit}: a web client (application_type "web") redirects to https addresses only, never to loopback or a private-use scheme; register it as "native"`,
    };
  }
  return { ok: true, type };
}
