// OAuth clients beyond the first registration: application_type decides which redirects a client may
// use, a loopback redirect matches on any port, a dead client_id is answered invalid_client on every
// endpoint so clients register again (the official SDK client does), and a registration in use is
// renewed and never cleaned up.
import {
  auth,
  discoverAuthorizationServerMetadata,
  registerClient as sdkRegisterClient,
} from "@modelcontextprotocol/sdk/client/auth.js";
import type {
  OAuthClientInformationMixed,
  OAuthClientMetadata,
  OAuthTokens,
} from "@modelcontextprotocol/sdk/shared/auth.js";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { baseUrl, mcpEndpoint } from "../support/mcp-client";
import {
  authorizationUrl,
  authorizeAs,
  pkcePair,
  registerClient,
  signIn,
  tokenRequest,
  type CookieJar,
} from "../support/oauth-http";
import { prisma } from "@/lib/db";

const DAY_MS = 86_400_000;
let ws: TestWorkspace;
let owner: CookieJar;

beforeAll(async () => {
  ws = await createTestWorkspace("clients");
  owner = await signIn(ws.emails.owner);
});

/** Authorizes a registered client as the owner and exchanges the code; returns the token answer. */
async function connect(clientId: string, redirectUri: string) {
  const { verifier, challenge } = pkcePair();
  const approved = await authorizeAs(
    owner,
    authorizationUrl({
      client_id: clientId,
      redirect_uri: redirectUri,
      response_type: "code",
      code_challenge: challenge,
      code_challenge_method: "S256",
      scope: "tickets:read",
      resource: mcpEndpoint(),
    }),
  );
  expect(approved.location, approved.body).toMatch(/code=/);
  const code = new URL(approved.location!).searchParams.get("code")!;
  return tokenRequest({
    grant_type: "authorization_code",
    client_id: clientId,
    code,
    code_verifier: verifier,
    redirect_uri: redirectUri,
  });
}

const clientRow = (clientId: string) =>
  prisma.oAuthClient.findUnique({ where: { clientId }, select: { id: true, expiresAt: true, lastUsedAt: true } });

describe("application_type", () => {
  it("registering through the SDK: a native client may use a loopback redirect, a web client may not", async () => {
    const metadata = await discoverAuthorizationServerMetadata(baseUrl());
    const register = (applicationType: string) =>
      sdkRegisterClient(baseUrl(), {
        metadata,
        clientMetadata: {
          client_name: `CLI ${applicationType}`,
          redirect_uris: ["http://127.0.0.1/callback"],
          token_endpoint_auth_method: "none",
          application_type: applicationType,
        } as OAuthClientMetadata,
      });
    const native = await register("native");
    const stored = await prisma.oAuthClient.findUniqueOrThrow({
      where: { clientId: native.client_id },
      select: { metadata: true },
    });
    expect(stored.metadata).toMatchObject({ application_type: "native" });
    await expect(register("web")).rejects.toThrow(/a web client \(application_type "web"\) redirects to https/);
  });

  it("a web client may not use loopback or a private-use scheme, and the refusal names the rule", async () => {
    for (const uri of ["http://127.0.0.1:8976/callback", "cursor://anysphere.cursor-mcp/oauth/callback"]) {
      const refused = await registerClient({ application_type: "web", redirect_uris: [uri] });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({
        error: "invalid_redirect_uri",
        error_description: expect.stringContaining('a web client (application_type "web") redirects to https'),
      });
    }
    const web = await registerClient({ application_type: "web", redirect_uris: ["https://app.example/callback"] });
    expect(web.status).toBe(201);
    expect(web.body.application_type).toBe("web");
  });

  it("left out, it is read from the redirects; an unknown value is refused by name", async () => {
    expect((await registerClient({ redirect_uris: ["http://localhost:3334/cb"] })).body.application_type).toBe(
      "native",
    );
    expect((await registerClient({ redirect_uris: ["https://app.example/cb"] })).body.application_type).toBe("web");
    const unknown = await registerClient({ application_type: "desktop" });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({
      error: "invalid_client_metadata",
      error_description: 'application_type must be "native" or "web", not "desktop"',
    });
  });
});

describe("loopback redirects match without the port (RFC 8252 §7.3)", () => {
  it("registered without a port, the client connects on the port it listens on; another path does not match", async () => {
    const clientId = (await registerClient({ client_name: "Portless", redirect_uris: ["http://127.0.0.1/callback"] }))
      .body.client_id as string;
    const tokens = await connect(clientId, "http://127.0.0.1:49152/callback");
    expect(tokens.status, JSON.stringify(tokens.body)).toBe(200);

    const elsewhere = await owner.fetch(
      authorizationUrl({
        client_id: clientId,
        redirect_uri: "http://127.0.0.1:49152/other",
        response_type: "code",
        code_challenge: pkcePair().challenge,
        code_challenge_method: "S256",
      }),
    );
    expect(elsewhere.status).toBe(400);
    expect(await elsewhere.text()).toContain("did not register");
  });
});

describe("a dead client_id is invalid_client on every endpoint", () => {
  it("token, revocation and authorization answer an expired registration with invalid_client", async () => {
    const clientId = (await registerClient({ client_name: "Soon gone" })).body.client_id as string;
    await prisma.oAuthClient.update({ where: { clientId }, data: { expiresAt: new Date(Date.now() - 1000) } });

    const token = await tokenRequest({ grant_type: "refresh_token", client_id: clientId, refresh_token: "dbr_x" });
    expect(token.status).toBe(401);
    expect(token.body).toEqual({
      error: "invalid_client",
      error_description: "Unknown client_id: register the client again.",
    });

    const revoke = await fetch(`${baseUrl()}/api/oauth/revoke`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ client_id: clientId, token: "dbr_x" }),
    });
    expect(revoke.status).toBe(401);
    expect(((await revoke.json()) as { error: string }).error).toBe("invalid_client");

    const authorize = await owner.fetch(
      authorizationUrl({
        client_id: clientId,
        redirect_uri: "http://127.0.0.1:8976/callback",
        response_type: "code",
        code_challenge: pkcePair().challenge,
        code_challenge_method: "S256",
      }),
    );
    expect(authorize.status).toBe(400);
    expect(authorize.headers.get("location")).toBeNull();
    expect(await authorize.text()).toContain("register the client again. (invalid_client)");
  });

  it("the SDK client that holds a dead client_id registers again and starts a new authorization", async () => {
    const serverUrl = new URL(mcpEndpoint());
    let info: OAuthClientInformationMixed | undefined = {
      client_id: "dbcl_forgotten",
      redirect_uris: ["http://127.0.0.1:8976/callback"],
    };
    let tokens: OAuthTokens | undefined = { access_token: "dba_x", token_type: "Bearer", refresh_token: "dbr_x" };
    let redirectedTo: URL | null = null;
    const provider = {
      redirectUrl: "http://127.0.0.1:8976/callback",
      clientMetadata: {
        client_name: "Forgetful client",
        redirect_uris: ["http://127.0.0.1:8976/callback"],
        token_endpoint_auth_method: "none",
      },
      clientInformation: () => info,
      saveClientInformation: (saved: OAuthClientInformationMixed) => void (info = saved),
      tokens: () => tokens,
      saveTokens: (saved: OAuthTokens) => void (tokens = saved),
      invalidateCredentials: (scope: string) => {
        if (scope === "all" || scope === "client") info = undefined;
        if (scope === "all" || scope === "tokens") tokens = undefined;
      },
      redirectToAuthorization: (url: URL) => void (redirectedTo = url),
      saveCodeVerifier: () => undefined,
      codeVerifier: () => "",
    };
    expect(await auth(provider, { serverUrl, scope: "tickets:read" })).toBe("REDIRECT");
    expect(info?.client_id).toMatch(/^dbcl_/);
    expect(info?.client_id).not.toBe("dbcl_forgotten");
    expect(redirectedTo!.searchParams.get("client_id")).toBe(info!.client_id);
    expect(await clientRow(info!.client_id)).not.toBeNull();
  });
});

describe("registrations are renewed on use and never cleaned up while in use", () => {
  it("getting tokens renews the registration: last used now, a full unused life ahead", async () => {
    const redirect = "http://127.0.0.1:8976/callback";
    const clientId = (await registerClient({ client_name: `Renewed ${Date.now()}` })).body.client_id as string;
    const tokens = await connect(clientId, redirect);
    const renewed = await clientRow(clientId);
    expect(renewed!.lastUsedAt).not.toBeNull();
    expect(renewed!.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 30 * DAY_MS);

    // Last used long ago and about to expire: a refresh is a use, and renews it.
    await prisma.oAuthClient.update({
      where: { clientId },
      data: { lastUsedAt: new Date(Date.now() - 20 * DAY_MS), expiresAt: new Date(Date.now() + 60_000) },
    });
    const refreshed = await tokenRequest({
      grant_type: "refresh_token",
      client_id: clientId,
      refresh_token: tokens.body!.refresh_token,
    });
    expect(refreshed.status, JSON.stringify(refreshed.body)).toBe(200);
    const after = await clientRow(clientId);
    expect(after!.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 30 * DAY_MS);
    expect(after!.lastUsedAt!.getTime()).toBeGreaterThan(Date.now() - DAY_MS);
  });

  it("the cleanup deletes expired unused registrations but never one with a live grant", async () => {
    const redirect = "http://127.0.0.1:8976/callback";
    const inUse = (await registerClient({ client_name: `In use ${Date.now()}` })).body.client_id as string;
    const tokens = await connect(inUse, redirect);
    expect(tokens.status).toBe(200);
    const unused = (await registerClient({ client_name: `Unused ${Date.now()}` })).body.client_id as string;
    const longAgo = new Date(Date.now() - 40 * DAY_MS);
    await prisma.oAuthClient.updateMany({
      where: { clientId: { in: [inUse, unused] } },
      data: { expiresAt: longAgo, lastUsedAt: longAgo },
    });

    // A new registration runs the cleanup.
    expect((await registerClient({ client_name: `Newcomer ${Date.now()}` })).status).toBe(201);
    expect(await clientRow(unused)).toBeNull();
    expect(await clientRow(inUse)).not.toBeNull();
    // Past its expiry but in use, the client still refreshes, which renews it.
    const refreshed = await tokenRequest({
      grant_type: "refresh_token",
      client_id: inUse,
      refresh_token: tokens.body!.refresh_token,
    });
    expect(refreshed.status, JSON.stringify(refreshed.body)).toBe(200);
    expect((await clientRow(inUse))!.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 30 * DAY_MS);
  });
});
