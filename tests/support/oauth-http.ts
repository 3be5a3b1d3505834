// A person at the browser, done over HTTP: signs in through the real Auth.js
// route and answers the real consent form, keeping cookies like a browser.
import { createHash, randomBytes, randomInt } from "node:crypto";
import type {
  OAuthClientInformationMixed,
  OAuthClientMetadata,
  OAuthTokens,
} from "@modelcontextprotocol/sdk/shared/auth.js";
import { Agent, fetch as undiciFetch } from "undici";
import { expect } from "vitest";
import { baseUrl, mcpEndpoint, proxiedBaseUrl } from "./mcp-client";

export class CookieJar {
  private cookies = new Map<string, string>();

  store(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1));
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers as Record<string, string>), Cookie: this.header() },
    });
    this.store(response);
    return response;
  }
}

export async function signIn(email: string, password = "correct horse battery"): Promise<CookieJar> {
  const jar = new CookieJar();
  const csrf = (await (await jar.fetch(`${baseUrl()}/api/auth/csrf`)).json()) as { csrfToken: string };
  const res = await jar.fetch(`${baseUrl()}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, csrfToken: csrf.csrfToken, callbackUrl: `${baseUrl()}/tickets` }),
  });
  if (!jar.header().includes("authjs.session-token")) throw new Error(`sign-in failed for ${email}: ${res.status}`);
  return jar;
}

export const absolute = (location: string) => new URL(location, baseUrl()).toString();

/** The scope fields a consent page submits: the ticked boxes and, on a step-up, the scopes it keeps. */
export function scopesIn(html: string): string[] {
  return [...html.matchAll(/<input[^>]*name="scopes"[^>]*value="([^"]+)"/g)].map((m) => m[1]!);
}

/** What a consent page shows: the scopes it asks for (boxes to tick) and those it keeps as allowed before. */
export function consentScopesIn(html: string): { asked: string[]; kept: string[] } {
  const fields = [...html.matchAll(/<input[^>]*>/g)].map((m) => m[0]).filter((tag) => tag.includes('name="scopes"'));
  const of = (type: string) =>
    fields.filter((tag) => tag.includes(`type="${type}"`)).map((tag) => /value="([^"]+)"/.exec(tag)![1]!);
  return { asked: of("checkbox"), kept: of("hidden") };
}

/** Reads the consent form's hidden fields from the consent page. */
export async function consentForm(jar: CookieJar, consentUrl: string) {
  const res = await jar.fetch(absolute(consentUrl));
  // React separates adjacent text with empty comments; drop them so the text reads as shown.
  const html = (await res.text()).replaceAll("<!-- -->", "");
  const field = (name: string) =>
    new RegExp(`<input[^>]*name="${name}"[^>]*value="([^"]*)"`).exec(html)?.[1]?.replaceAll("&amp;", "&") ?? null;
  return {
    status: res.status,
    html,
    request: field("request"),
    csrf: field("csrf"),
    workspace: field("workspace"),
    scopes: scopesIn(html),
  };
}

/** Presses a button of the consent form (approve, deny, request access) with the given fields. */
export async function submitConsent(
  jar: CookieJar,
  form: { request: string | null; csrf: string | null; workspace: string | null },
  options: { decision: string; workspace?: string; fields?: [string, string][] },
) {
  const body = new URLSearchParams({
    request: form.request!,
    csrf: form.csrf!,
    workspace: options.workspace ?? form.workspace!,
    decision: options.decision,
  });
  for (const [name, value] of options.fields ?? []) body.append(name, value);
  return jar.fetch(`${baseUrl()}/api/oauth/consent`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });
}

/** GET the authorization URL as the signed-in user, approve (or deny) consent, return the final redirect to the client. */
export async function authorizeAs(
  jar: CookieJar,
  authorizationUrl: string,
  options: {
    decision?: "approve" | "deny";
    scopes?: string[];
    workspace?: string;
    toolsets?: string[];
    /** Tick "Replies are drafts". */
    draftsOnly?: boolean;
    /** Other form fields ticked on the consent page (a checkbox sends "on"). */
    fields?: Record<string, string>;
  } = {},
) {
  const first = await jar.fetch(authorizationUrl);
  const location = first.headers.get("location");
  if (!location) return { status: first.status, location: null, consentShown: false, body: await first.text() };
  if (!location.includes("/oauth/consent")) return { status: first.status, location, consentShown: false, body: "" };
  const form = await consentForm(jar, location);
  const extra: [string, string][] = [
    ...(options.scopes ?? form.scopes).map((scope): [string, string] => ["scopes", scope]),
    ...(options.toolsets ?? []).map((toolset): [string, string] => ["toolsets", toolset]),
    ...(options.draftsOnly ? [["drafts_only", "on"] as [string, string]] : []),
    ...Object.entries(options.fields ?? {}),
  ];
  const res = await submitConsent(jar, form, {
    decision: options.decision ?? "approve",
    workspace: options.workspace ?? form.workspace ?? "",
    fields: extra,
  });
  return {
    status: res.status,
    location: res.headers.get("location"),
    consentShown: true,
    consent: consentScopesIn(form.html),
    body: res.status >= 400 ? await res.text() : "",
  };
}

export function pkcePair() {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

/**
 * Where this file's registrations come from: in the integration suite, an address of its own, through
 * the app behind the trusted proxy. Registration is limited per client address (60 a minute); from the
 * loopback, every file of a run (and both apps, which share Redis) would draw on the same 60, and files
 * running side by side on a fast machine went past them. The two-instance suite has no such app and
 * registers from the loopback.
 */
const REGISTRATION_ADDRESS = `198.18.${randomInt(256)}.${randomInt(1, 255)}`;

export async function registerClient(metadata: Record<string, unknown> = {}) {
  const proxied = proxiedBaseUrl();
  const res = await fetch(`${proxied ?? baseUrl()}/api/oauth/register`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(proxied ? { "X-Forwarded-For": REGISTRATION_ADDRESS } : {}) },
    body: JSON.stringify({
      client_name: "Test client",
      redirect_uris: ["http://127.0.0.1:8976/callback"],
      token_endpoint_auth_method: "none",
      ...metadata,
    }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

export function authorizationUrl(params: Record<string, string | undefined>) {
  const url = new URL(`${baseUrl()}/api/oauth/authorize`);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return url.toString();
}

/** An authorization-code request with a PKCE challenge, as a public client sends it. */
export function codeRequestUrl(
  clientId: string,
  challenge: string,
  params: { redirect_uri: string; scope?: string; state?: string; resource?: string },
) {
  return authorizationUrl({
    client_id: clientId,
    redirect_uri: params.redirect_uri,
    response_type: "code",
    code_challenge: challenge,
    code_challenge_method: "S256",
    state: params.state,
    scope: params.scope,
    resource: params.resource,
  });
}

/**
 * The token endpoint counts failed requests per client address. Each test file
 * calls it from a loopback address of its own (127.x.y.z all reach this
 * machine), so one file's deliberate failures never refuse another's exchange.
 */
const FILE_ADDRESS = `127.${1 + randomInt(250)}.${randomInt(256)}.${1 + randomInt(250)}`;
const fromFileAddress = new Agent({ localAddress: FILE_ADDRESS });

export async function tokenRequest(
  params: Record<string, string>,
  init: { json?: boolean; headers?: Record<string, string> } = {},
) {
  const url = new URL("/api/oauth/token", baseUrl());
  url.hostname = "127.0.0.1";
  const res = await undiciFetch(url, {
    dispatcher: fromFileAddress,
    method: "POST",
    headers: { "Content-Type": init.json ? "application/json" : "application/x-www-form-urlencoded", ...init.headers },
    body: init.json ? JSON.stringify(params) : new URLSearchParams(params),
  });
  return {
    status: res.status,
    headers: res.headers,
    body: (await res.json().catch(() => null)) as Record<string, any> | null,
  };
}

/** Exchanges the code in an approved authorization's redirect for tokens. */
export function exchangeCode(
  approvedLocation: string,
  client: { client_id: string; code_verifier: string; redirect_uri: string },
) {
  const code = new URL(approvedLocation).searchParams.get("code")!;
  return tokenRequest({ grant_type: "authorization_code", code, ...client });
}

/**
 * An MCP client's OAuth storage for the SDK's auth(), kept in memory; its
 * "browser" is a signed-in person answering the real consent page over HTTP,
 * who approves what is asked. Each consent page's scopes are recorded.
 */
export class ConsentingProvider {
  consents: { asked: string[]; kept: string[] }[] = [];
  callback: URL | null = null;
  private info?: OAuthClientInformationMixed;
  private saved?: OAuthTokens;
  private verifier = "";

  constructor(
    private readonly name: string,
    private readonly person: CookieJar,
    private readonly registration: { redirect_uri: string; scope: string },
  ) {}

  get redirectUrl() {
    return this.registration.redirect_uri;
  }
  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: this.name,
      redirect_uris: [this.registration.redirect_uri],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
      scope: this.registration.scope,
    };
  }
  clientInformation() {
    return this.info;
  }
  saveClientInformation(info: OAuthClientInformationMixed) {
    this.info = info;
  }
  tokens() {
    return this.saved;
  }
  saveTokens(tokens: OAuthTokens) {
    this.saved = tokens;
  }
  invalidateCredentials(scope: "all" | "client" | "tokens" | "verifier" | "discovery") {
    if (scope === "tokens" || scope === "all") this.saved = undefined;
  }
  async redirectToAuthorization(url: URL) {
    const approved = await authorizeAs(this.person, url.toString());
    expect(approved.consentShown, approved.body).toBe(true);
    this.consents.push(approved.consent!);
    this.callback = new URL(approved.location!);
  }
  saveCodeVerifier(verifier: string) {
    this.verifier = verifier;
  }
  codeVerifier() {
    return this.verifier;
  }
  /** The code of the last authorization, once. */
  code(): string {
    const code = this.callback?.searchParams.get("code");
    if (!code) throw new Error("no authorization code");
    return code;
  }
}

export { mcpEndpoint };
