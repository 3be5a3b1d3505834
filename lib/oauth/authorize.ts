import "server-only";
import { randomUUID } from "node:crypto";
import type { Scope } from "@/lib/auth/scopes";
import { mcpUrl } from "@/lib/mcp/urls";
import { getEnv } from "@/lib/env";
import { findClientForAuthorization } from "@/lib/oauth/clients/find";
import type { OAuthClientRecord } from "@/lib/oauth/clients/record";
import { OAuthError } from "@/lib/oauth/errors";
import { isCodeChallenge } from "@/lib/oauth/pkce";
import { redirectUriMatches, redirectUriProblem } from "@/lib/oauth/redirect-uri";
import { parseRequestedScopes } from "@/lib/oauth/scopes";
import { sign, verifySigned } from "@/lib/oauth/signed";
import type { OAuthAuthorizePolicy, Role } from "@/lib/generated/prisma/enums";

/** A validated authorization request, carried signed to the consent screen. */
export type PendingAuthorization = {
  client_id: string;
  redirect_uri: string;
  state: string | null;
  code_challenge: string;
  scopes: Scope[];
  resource: string;
  exp: number;
  /** Set when the request is signed for the consent page: that request is approved once. */
  id?: string;
};

const PENDING_TTL_MS = 15 * 60_000;

export type AuthorizeOutcome =
  | { kind: "ok"; pending: PendingAuthorization; client: OAuthClientRecord }
  | { kind: "redirect"; location: string }
  | { kind: "page"; title: string; message: string };

/** The redirect back to the client with an error (RFC 6749 §4.1.2.1), with iss (RFC 9207). */
export function errorRedirect(redirectUri: string, code: string, description: string, state: string | null): string {
  const url = new URL(redirectUri);
  url.searchParams.set("error", code);
  url.searchParams.set("error_description", description);
  if (state) url.searchParams.set("state", state);
  url.searchParams.set("iss", getEnv().APP_URL);
  return url.toString();
}

export function successRedirect(redirectUri: string, code: string, state: string | null): string {
  const url = new URL(redirectUri);
  url.searchParams.set("code", code);
  if (state) url.searchParams.set("state", state);
  url.searchParams.set("iss", getEnv().APP_URL);
  return url.toString();
}

/** RFC 8707: the resource must be the MCP endpoint; one trailing slash is tolerated, stored canonical. */
export function canonicalResource(raw: string | null): string | null {
  const mcp = mcpUrl();
  if (raw === null || raw === "") return mcp;
  return raw === mcp || raw === `${mcp}/` ? mcp : null;
}

export async function validateAuthorizationRequest(params: URLSearchParams): Promise<AuthorizeOutcome> {
  let client: OAuthClientRecord;
  try {
    client = await findClientForAuthorization(params.get("client_id"));
  } catch (error) {
    // The error code is shown as the token endpoint would answer it: a client that sees invalid_client registers again.
    const message =
      error instanceof OAuthError ? `${error.description} (${error.code})` : "The client could not be identified.";
    return { kind: "page", title: "Unknown application", message };
  }
  const requested = params.get("redirect_uri");
  const redirectUri = requested ?? (client.redirectUris.length === 1 ? client.redirectUris[0]! : null);
  const problem = redirectUri ? redirectUriProblem(redirectUri) : null;
  if (redirectUri && problem) {
    return {
      kind: "page",
      title: "Invalid redirect",
      message: `The application asked to send you to an address that cannot be a redirect URI (${problem}). Nothing was shared with it.`,
    };
  }
  if (!redirectUri || !redirectUriMatches(client.redirectUris, redirectUri)) {
    return {
      kind: "page",
      title: "Invalid redirect",
      message: "The application asked to send you to an address it did not register. Nothing was shared with it.",
    };
  }
  const state = params.get("state");
  const fail = (code: string, description: string): AuthorizeOutcome => ({
    kind: "redirect",
    location: errorRedirect(redirectUri, code, description, state),
  });

  if (params.get("response_type") !== "code") return fail("unsupported_response_type", 'response_type must be "code".');
  const challenge = params.get("code_challenge");
  const method = params.get("code_challenge_method");
  if (!challenge)
    return fail("invalid_request", "PKCE is required: send code_challenge with code_challenge_method=S256.");
  if (method !== "S256") return fail("invalid_request", "Only the S256 code_challenge_method is supported.");
  if (!isCodeChallenge(challenge)) return fail("invalid_request", "code_challenge must be 43 base64url characters.");
  const resource = canonicalResource(params.get("resource"));
  if (!resource) return fail("invalid_target", `resource must be ${mcpUrl()}.`);
  const pending: PendingAuthorization = {
    client_id: client.clientId,
    redirect_uri: redirectUri,
    state,
    code_challenge: challenge,
    scopes: parseRequestedScopes(params.get("scope")),
    resource,
    exp: Date.now() + PENDING_TTL_MS,
  };
  return { kind: "ok", pending, client };
}

export function signPending(pending: PendingAuthorization): string {
  return sign("authorize", { ...pending, id: randomUUID() });
}

export function readPending(token: string | null | undefined): PendingAuthorization | null {
  const pending = verifySigned<PendingAuthorization>("authorize", token);
  return pending && pending.exp > Date.now() ? pending : null;
}

/** The workspace's "who may authorize OAuth clients" setting. */
export function mayAuthorize(role: Role, policy: OAuthAuthorizePolicy): boolean {
  if (policy === "everyone") return true;
  if (policy === "owners_admins") return role === "owner" || role === "admin";
  return role === "owner";
}

export function policyText(policy: OAuthAuthorizePolicy): string {
  return policy === "everyone" ? "any agent" : policy === "owners_admins" ? "owners and admins" : "owners";
}
