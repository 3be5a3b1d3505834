// The authorization server, driven by an independent client library
// (oauth4webapi), and a suite of attacks each answered with the exact error.
import { randomBytes } from "node:crypto";
import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import { createServer as createTcpServer, type AddressInfo } from "node:net";
import * as oauth from "oauth4webapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { baseUrl, mcpEndpoint, proxiedBaseUrl, rpc } from "../support/mcp-client";
import {
  absolute,
  authorizationUrl,
  authorizeAs,
  consentForm,
  pkcePair,
  registerClient,
  signIn,
  tokenRequest,
  type CookieJar,
} from "../support/oauth-http";
import { prisma } from "@/lib/db";
import { hashToken } from "@/lib/credentials/token-format";
import { findClient, findClientForAuthorization } from "@/lib/oauth/clients/find";
import { fetchOutbound, type OutboundFetch } from "@/lib/outbound/fetch";

const REDIRECT = "http://127.0.0.1:8976/callback";
let ws: TestWorkspace;
let owner: CookieJar;

beforeAll(async () => {
  ws = await createTestWorkspace("oauth");
  owner = await signIn(ws.emails.owner);
});

const insecure = { [oauth.allowInsecureRequests]: true } as const;

describe("metadata", () => {
  it("serves RFC 8414 metadata with the issuer as the bare origin, and the same fields as OpenID configuration", async () => {
    const as = await (await fetch(`${baseUrl()}/.well-known/oauth-authorization-server`)).json();
    expect(as).toMatchObject({
      issuer: baseUrl(),
      authorization_endpoint: `${baseUrl()}/api/oauth/authorize`,
      token_endpoint: `${baseUrl()}/api/oauth/token`,
      registration_endpoint: `${baseUrl()}/api/oauth/register`,
      revocation_endpoint: `${baseUrl()}/api/oauth/revoke`,
      response_types_supported: ["code"],
      grant_types_supported: ["authorization_code", "refresh_token"],
      code_challenge_methods_supported: ["S256"],
      token_endpoint_auth_methods_supported: ["none", "client_secret_basic", "client_secret_post"],
      client_id_metadata_document_supported: true,
      authorization_response_iss_parameter_supported: true,
    });
    const oidc = await (await fetch(`${baseUrl()}/.well-known/openid-configuration`)).json();
    expect(oidc.token_endpoint).toBe(as.token_endpoint);
  });
});

describe("an independent client (oauth4webapi) runs the whole flow", () => {
  it("discovers, registers, authorizes with PKCE, calls a tool, refreshes, and revokes", async () => {
    const issuer = new URL(baseUrl());
    const as = await oauth.processDiscoveryResponse(
      issuer,
      await oauth.discoveryRequest(issuer, { algorithm: "oauth2", ...insecure }),
    );
    const registered = await oauth.processDynamicClientRegistrationResponse(
      await oauth.dynamicClientRegistrationRequest(
        as,
        { client_name: "oauth4webapi test", redirect_uris: [REDIRECT], token_endpoint_auth_method: "none" },
        insecure,
      ),
    );
    const client: oauth.Client = { client_id: registered.client_id, token_endpoint_auth_method: "none" };
    const verifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const url = new URL(as.authorization_endpoint!);
    for (const [k, v] of Object.entries({
      client_id: client.client_id,
      redirect_uri: REDIRECT,
      response_type: "code",
      scope: "tickets:read tickets:write users:read",
      state,
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      resource: mcpEndpoint(),
    }))
      url.searchParams.set(k, v);

    const approved = await authorizeAs(owner, url.toString());
    expect(approved.consentShown).toBe(true);
    expect(approved.status).toBe(303);
    const callback = new URL(approved.location!);
    expect(callback.searchParams.get("iss")).toBe(baseUrl());
    const params = oauth.validateAuthResponse(as, client, callback, state);
    const tokens = await oauth.processAuthorizationCodeResponse(
      as,
      client,
      await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, REDIRECT, verifier, insecure),
    );
    expect(tokens.access_token).toMatch(/^dba_/);
    expect(tokens.refresh_token).toMatch(/^dbr_/);
    expect(tokens.scope).toBe("tickets:read tickets:write users:read");

    const me = await rpc(
      { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "get_me", arguments: {} } },
      { token: tokens.access_token },
    );
    expect(me.json?.result.structuredContent).toMatchObject({
      user: { id: ws.users.owner },
      credential: { kind: "oauth", name: "oauth4webapi test" },
    });
    const noScope = await rpc(
      { jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "list_tags", arguments: {} } },
      { token: tokens.access_token },
    );
    // Beyond the grant but within the owner's role: the step-up challenge names every scope to ask for.
    expect(noScope.status).toBe(403);
    expect(noScope.json).toMatchObject({ error: "insufficient_scope", required_scope: "tags:read" });
    expect(noScope.headers.get("www-authenticate")).toContain(
      'error="insufficient_scope", error_description="list_tags needs the tags:read scope: authorize again with tickets:read tickets:write tags:read users:read."',
    );

    const refreshed = await oauth.processRefreshTokenResponse(
      as,
      client,
      await oauth.refreshTokenGrantRequest(as, client, oauth.None(), tokens.refresh_token!, insecure),
    );
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    expect(
      (await rpc({ jsonrpc: "2.0", id: 3, method: "tools/list", params: {} }, { token: refreshed.access_token }))
        .status,
    ).toBe(200);

    await oauth.processRevocationResponse(
      await oauth.revocationRequest(as, client, oauth.None(), refreshed.refresh_token!, insecure),
    );
    const after = await rpc(
      { jsonrpc: "2.0", id: 4, method: "tools/list", params: {} },
      { token: refreshed.access_token },
    );
    expect(after.status).toBe(401);
    expect(after.json).toEqual({ error: "invalid_token", error_description: "The access token is invalid." });
  });
});

/** A registered client and an approved code, ready to exchange. */
async function approvedCode(options: { redirect?: string; clientId?: string; scope?: string } = {}) {
  const clientId =
    options.clientId ??
    (await registerClient({ client_name: `c-${Math.random()}`, redirect_uris: [options.redirect ?? REDIRECT] })).body
      .client_id;
  const { verifier, challenge } = pkcePair();
  const result = await authorizeAs(
    owner,
    authorizationUrl({
      client_id: clientId,
      redirect_uri: options.redirect ?? REDIRECT,
      response_type: "code",
      code_challenge: challenge,
      code_challenge_method: "S256",
      state: "s1",
      scope: options.scope ?? "tickets:read",
    }),
  );
  const code = new URL(result.location!).searchParams.get("code")!;
  return { clientId, verifier, code, redirect: options.redirect ?? REDIRECT };
}

const exchange = (
  c: { clientId: string; verifier: string; code: string; redirect: string },
  overrides: Record<string, string> = {},
) =>
  tokenRequest({
    grant_type: "authorization_code",
    client_id: c.clientId,
    code: c.code,
    code_verifier: c.verifier,
    redirect_uri: c.redirect,
    ...overrides,
  });

describe("attacks and mistakes, each with its exact error", () => {
  let clientId: string;
  beforeAll(async () => {
    clientId = (await registerClient({ client_name: "Attack target" })).body.client_id;
  });
  const base = () => {
    const { challenge } = pkcePair();
    return {
      client_id: clientId,
      redirect_uri: REDIRECT,
      response_type: "code",
      code_challenge: challenge,
      code_challenge_method: "S256",
      state: "xyz",
    };
  };
  const errorOf = async (params: Record<string, string | undefined>) => {
    const res = await owner.fetch(authorizationUrl(params));
    const location = res.headers.get("location");
    if (!location || location.startsWith("/")) return { page: res.status, text: await res.text() };
    const url = new URL(location);
    return {
      error: url.searchParams.get("error"),
      state: url.searchParams.get("state"),
      iss: url.searchParams.get("iss"),
      host: url.host,
    };
  };

  it("1. missing PKCE goes back to the client as invalid_request", async () => {
    expect(await errorOf({ ...base(), code_challenge: undefined, code_challenge_method: undefined })).toEqual({
      error: "invalid_request",
      state: "xyz",
      iss: baseUrl(),
      host: "127.0.0.1:8976",
    });
  });
  it("2. plain PKCE is refused", async () => {
    expect((await errorOf({ ...base(), code_challenge_method: "plain" })).error).toBe("invalid_request");
  });
  it("3. a response_type other than code is refused", async () => {
    expect((await errorOf({ ...base(), response_type: "token" })).error).toBe("unsupported_response_type");
  });
  it("4. a resource other than the MCP URL is invalid_target; one trailing slash is tolerated", async () => {
    expect((await errorOf({ ...base(), resource: "https://evil.example/api" })).error).toBe("invalid_target");
    const ok = await owner.fetch(authorizationUrl({ ...base(), resource: `${mcpEndpoint()}/` }));
    expect(ok.headers.get("location")).toContain("/oauth/consent");
  });
  it("5. an unregistered redirect URI gets a page, never a redirect", async () => {
    const result = await errorOf({ ...base(), redirect_uri: "https://evil.example/callback" });
    expect(result).toMatchObject({ page: 400 });
    expect((result as { text: string }).text).toContain("did not register");
  });
  it("6. a prefix of a registered redirect URI does not match", async () => {
    expect(await errorOf({ ...base(), redirect_uri: "http://127.0.0.1:8976/callback/../../evil" })).toMatchObject({
      page: 400,
    });
    expect(await errorOf({ ...base(), redirect_uri: "http://127.0.0.1:8976/callbackx" })).toMatchObject({ page: 400 });
  });
  it("7. an open-redirect attempt through the redirect URI is refused", async () => {
    expect(
      await errorOf({ ...base(), redirect_uri: "http://127.0.0.1:8976/callback?next=https://evil.example" }),
    ).toMatchObject({ page: 400 });
  });
  it("8. an unknown client_id gets a page", async () => {
    expect(await errorOf({ ...base(), client_id: "dbcl_unknown" })).toMatchObject({ page: 400 });
  });
  it("9. registration refuses an unregistrable scheme, and non-loopback http", async () => {
    expect((await registerClient({ redirect_uris: ["javascript:alert(1)"] })).body.error).toBe("invalid_redirect_uri");
    expect((await registerClient({ redirect_uris: ["http://evil.example/cb"] })).body.error).toBe(
      "invalid_redirect_uri",
    );
  });
  it("10. registration accepts Cursor's three redirect URIs at once and is idempotent", async () => {
    const meta = {
      client_name: "Cursor",
      redirect_uris: [
        "cursor://anysphere.cursor-mcp/oauth/callback",
        "https://cursor.example/callback",
        "http://127.0.0.1:54321/callback",
      ],
    };
    const a = await registerClient(meta);
    const b = await registerClient(meta);
    expect(a.status).toBe(201);
    expect(b.body.client_id).toBe(a.body.client_id);
  });
  it("11. an oversized registration is refused", async () => {
    const res = await registerClient({ client_name: "x".repeat(20_000) });
    expect(res.status).toBe(413);
    expect(res.body.error).toBe("invalid_client_metadata");
  });
  it("12. a loopback redirect may use another port (RFC 8252)", async () => {
    const res = await owner.fetch(authorizationUrl({ ...base(), redirect_uri: "http://127.0.0.1:40001/callback" }));
    expect(res.headers.get("location")).toContain("/oauth/consent");
  });
  it("13. a wrong code_verifier is invalid_grant", async () => {
    const c = await approvedCode();
    const res = await exchange(c, { code_verifier: pkcePair().verifier });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: "invalid_grant",
      error_description: "The code_verifier does not match the code_challenge.",
    });
    expect(res.headers.get("cache-control")).toBe("no-store");
  });
  it("14. a replayed code is refused and the tokens it issued are revoked", async () => {
    const c = await approvedCode();
    const first = await exchange(c);
    expect(first.status).toBe(200);
    const replay = await exchange(c);
    expect(replay.body?.error).toBe("invalid_grant");
    const call = await rpc(
      { jsonrpc: "2.0", id: 1, method: "tools/list", params: {} },
      { token: first.body!.access_token },
    );
    expect(call.status).toBe(401);
  });
  it("15. a code from another client is refused", async () => {
    const c = await approvedCode();
    const other = (await registerClient({ client_name: "other" })).body.client_id;
    expect((await exchange(c, { client_id: other })).body?.error).toBe("invalid_grant");
  });
  it("16. a redirect_uri differing from the authorization request is refused at the token endpoint", async () => {
    const c = await approvedCode();
    expect((await exchange(c, { redirect_uri: "http://127.0.0.1:8976/other" })).body?.error).toBe("invalid_grant");
  });
  it("17. an expired code is refused", async () => {
    const c = await approvedCode();
    await prisma.oAuthAuthorizationCode.update({
      where: { codeHash: hashToken(c.code) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await exchange(c)).body).toEqual({
      error: "invalid_grant",
      error_description: "The authorization code has expired.",
    });
  });
  it("18. refresh reuse after the grace window kills the whole grant", async () => {
    const c = await approvedCode();
    const tokens = (await exchange(c)).body!;
    const rotated = (
      await tokenRequest({ grant_type: "refresh_token", client_id: c.clientId, refresh_token: tokens.refresh_token })
    ).body!;
    // Within the grace window the old token still works (parallel refreshes).
    expect(
      (await tokenRequest({ grant_type: "refresh_token", client_id: c.clientId, refresh_token: tokens.refresh_token }))
        .status,
    ).toBe(200);
    await prisma.oAuthToken.update({
      where: { secretHash: hashToken(tokens.refresh_token) },
      data: { rotatedAt: new Date(Date.now() - 60_000) },
    });
    const reuse = await tokenRequest({
      grant_type: "refresh_token",
      client_id: c.clientId,
      refresh_token: tokens.refresh_token,
    });
    expect(reuse.body?.error).toBe("invalid_grant");
    expect(
      (await tokenRequest({ grant_type: "refresh_token", client_id: c.clientId, refresh_token: rotated.refresh_token }))
        .body?.error,
    ).toBe("invalid_grant");
    expect(
      (await rpc({ jsonrpc: "2.0", id: 1, method: "tools/list", params: {} }, { token: rotated.access_token })).status,
    ).toBe(401);
  });
  it("19. a refresh of a revoked grant is refused", async () => {
    const c = await approvedCode();
    const tokens = (await exchange(c)).body!;
    await prisma.oAuthGrant.updateMany({
      where: { tokens: { some: { secretHash: hashToken(tokens.refresh_token) } } },
      data: { revokedAt: new Date() },
    });
    expect(
      (await tokenRequest({ grant_type: "refresh_token", client_id: c.clientId, refresh_token: tokens.refresh_token }))
        .body,
    ).toEqual({
      error: "invalid_grant",
      error_description: "The authorization was revoked.",
    });
  });
  it("20. a token bound to another resource is refused by the MCP route", async () => {
    const c = await approvedCode();
    const tokens = (await exchange(c)).body!;
    await prisma.oAuthToken.update({
      where: { secretHash: hashToken(tokens.access_token) },
      data: { resource: "https://other.example/mcp" },
    });
    const res = await rpc({ jsonrpc: "2.0", id: 1, method: "tools/list", params: {} }, { token: tokens.access_token });
    expect(res.status).toBe(401);
    expect(res.json?.error).toBe("invalid_token");
  });
  it("21. an access token in the query string is refused", async () => {
    const c = await approvedCode();
    const tokens = (await exchange(c)).body!;
    const res = await fetch(`${mcpEndpoint()}?access_token=${tokens.access_token}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe("invalid_request");
  });
  it("22. a consent POST without the CSRF token is refused", async () => {
    const res = await owner.fetch(authorizationUrl(base()));
    const form = await consentForm(owner, res.headers.get("location")!);
    const post = await owner.fetch(`${baseUrl()}/api/oauth/consent`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        request: form.request!,
        workspace: form.workspace!,
        decision: "approve",
        scopes: "tickets:read",
      }),
    });
    expect(post.status).toBe(403);
    expect(await post.text()).toContain("security token");
  });
  it("23. a non-owner cannot approve under the default owners-only setting, and is told why", async () => {
    const agent = await signIn(ws.emails.agent);
    const res = await agent.fetch(authorizationUrl(base()));
    const form = await consentForm(agent, res.headers.get("location")!);
    expect(form.html).toContain("only owners may");
    const post = await agent.fetch(`${baseUrl()}/api/oauth/consent`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        request: form.request!,
        csrf: form.csrf!,
        workspace: form.workspace!,
        decision: "approve",
        scopes: "tickets:read",
      }),
    });
    expect(post.status).toBe(403);
    expect(await post.text()).toContain("only owners may authorize apps");
  });
  it("24. an OAuth token never reaches another workspace", async () => {
    const other = await createTestWorkspace("oauth-other");
    const c = await approvedCode();
    const tokens = (await exchange(c)).body!;
    const res = await rpc(
      {
        jsonrpc: "2.0",
        id: 1,
        method: "tools/call",
        params: { name: "search_tickets", arguments: { q: "Invite my team" } },
      },
      { token: tokens.access_token },
    );
    const seen = (res.json?.result.structuredContent.items as { id: string }[]).map((t) => t.id);
    const otherIds = (
      await prisma.ticket.findMany({ where: { workspaceId: other.workspace.id }, select: { id: true } })
    ).map((t) => t.id);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((id) => otherIds.includes(id))).toEqual([]);
  });
  it("25. JSON instead of a form on the token endpoint is invalid_request", async () => {
    const c = await approvedCode();
    const res = await exchange(c, {}).then(() =>
      tokenRequest({ grant_type: "authorization_code", client_id: c.clientId, code: c.code }, { json: true }),
    );
    expect(res.body).toEqual({
      error: "invalid_request",
      error_description: "Send the parameters as application/x-www-form-urlencoded.",
    });
  });
  it("26. an unknown client at the token endpoint is invalid_client (so clients re-register)", async () => {
    const res = await tokenRequest({ grant_type: "refresh_token", client_id: "dbcl_gone", refresh_token: "dbr_x" });
    expect(res.status).toBe(401);
    expect(res.body?.error).toBe("invalid_client");
  });
  it("27. an unsupported grant type is refused", async () => {
    expect((await tokenRequest({ grant_type: "password", client_id: clientId })).body?.error).toBe(
      "unsupported_grant_type",
    );
  });
  it("28. deny returns access_denied to the client with state and iss", async () => {
    const res = await authorizeAs(owner, authorizationUrl(base()), { decision: "deny" });
    const url = new URL(res.location!);
    expect([url.searchParams.get("error"), url.searchParams.get("state"), url.searchParams.get("iss")]).toEqual([
      "access_denied",
      "xyz",
      baseUrl(),
    ]);
  });
  it("29. a CIMD client_id pointing at a private address is refused", async () => {
    expect(await errorOf({ ...base(), client_id: "https://127.0.0.1/client.json" })).toMatchObject({ page: 400 });
    expect(await errorOf({ ...base(), client_id: "https://10.0.0.8/client.json" })).toMatchObject({ page: 400 });
  });
  it("30. consent is remembered and skipped next time, unless more scopes are asked", async () => {
    const id = (await registerClient({ client_name: "Remembered" })).body.client_id;
    const ask = (scope: string) => authorizationUrl({ ...base(), client_id: id, scope });
    expect((await authorizeAs(owner, ask("tickets:read"))).consentShown).toBe(true);
    const again = await authorizeAs(owner, ask("tickets:read"));
    expect(again.consentShown).toBe(false);
    expect(new URL(again.location!).searchParams.get("code")).toMatch(/^dbc_/);
    expect((await authorizeAs(owner, ask("tickets:read tickets:write"))).consentShown).toBe(true);
  });
  it("31. sloppy scopes are tolerated: unknown and offline_access ignored, none asked means a minimal read set", async () => {
    const id = (await registerClient({ client_name: "Sloppy" })).body.client_id;
    const res = await owner.fetch(
      authorizationUrl({ ...base(), client_id: id, scope: " offline_access  tickets:read bogus:scope " }),
    );
    const form = await consentForm(owner, res.headers.get("location")!);
    expect(form.scopes).toEqual(["tickets:read"]);
    const none = await owner.fetch(authorizationUrl({ ...base(), client_id: id, scope: undefined }));
    const defaults = await consentForm(owner, none.headers.get("location")!);
    expect(defaults.scopes).toEqual(["tickets:read", "messages:read", "users:read"]);
  });
  it("32. an unticked scope is not granted", async () => {
    const id = (await registerClient({ client_name: "Narrow" })).body.client_id;
    const { verifier, challenge } = pkcePair();
    const narrowed = await authorizeAs(
      owner,
      authorizationUrl({ ...base(), client_id: id, code_challenge: challenge, scope: "tickets:read tags:read" }),
      { scopes: ["tags:read"] },
    );
    const code = new URL(narrowed.location!).searchParams.get("code")!;
    const tokens = (await exchange({ clientId: id, verifier, code, redirect: REDIRECT })).body!;
    expect(tokens.scope).toBe("tags:read");
  });
  it("33. a signed-out authorization request goes through sign-in and comes back", async () => {
    const res = await fetch(authorizationUrl(base()), { redirect: "manual" });
    const location = res.headers.get("location")!;
    expect(location).toMatch(/^\/login\?callbackUrl=%2Fapi%2Foauth%2Fauthorize/);
    expect(decodeURIComponent(absolute(location))).toContain("code_challenge_method=S256");
  });
});

/** A TCP listener on loopback that only counts who connects: what an SSRF would reach. */
async function connectionCounter() {
  const counter = { port: 0, connections: 0, server: createTcpServer((socket) => socket.destroy()) };
  counter.server.on("connection", () => (counter.connections += 1));
  await new Promise<void>((resolve) => counter.server.listen(0, "127.0.0.1", resolve));
  counter.port = (counter.server.address() as AddressInfo).port;
  return counter;
}

describe("client ID metadata documents: no fetch reaches a private address (issue 9, item 2)", () => {
  const authorize = (clientId: string, headers: Record<string, string> = {}) => {
    const { challenge } = pkcePair();
    const url = new URL(
      authorizationUrl({
        client_id: clientId,
        redirect_uri: REDIRECT,
        response_type: "code",
        code_challenge: challenge,
        code_challenge_method: "S256",
      }),
    );
    // A client address of the test's own is believed only from the proxy that app trusts.
    const target = headers["X-Forwarded-For"] ? new URL(url.pathname + url.search, proxiedBaseUrl()) : url;
    return fetch(target, { redirect: "manual", headers });
  };

  it("34. an IPv4-mapped loopback client_id opens no connection to loopback", async () => {
    const loopback = await connectionCounter();
    try {
      // localhost is a name: refused inside the connection's own lookup, not by a check beside it.
      for (const host of [`[::ffff:127.0.0.1]`, `[::127.0.0.1]`, `[64:ff9b::7f00:1]`, "localhost"]) {
        const res = await authorize(`https://${host}:${loopback.port}/client.json`);
        expect(res.status).toBe(400);
        expect(await res.text()).toContain("not a public address");
      }
      expect(loopback.connections).toBe(0);
    } finally {
      loopback.server.close();
    }
  });

  it("35. every non-public range the review listed is refused before any fetch, and nothing is stored", async () => {
    const ids = [
      "https://[fec0::1]/client.json",
      "https://198.18.0.1/client.json",
      "https://192.0.0.8/client.json",
      "https://100.64.0.1/client.json",
      "https://0.1.2.3/client.json",
      "https://224.0.0.1/client.json",
      "https://[ff02::1]/client.json",
      "https://169.254.169.254/latest/meta-data/",
    ];
    for (const id of ids) {
      const res = await authorize(id);
      expect([id, res.status]).toEqual([id, 400]);
      expect(await res.text()).toContain("not a public address");
    }
    expect(await prisma.oAuthClient.count({ where: { clientId: { in: ids } } })).toBe(0);
    const unresolvable = await authorize("https://client.invalid/client.json");
    expect(await unresolvable.text()).toContain("does not resolve");
  });

  it("36. authorization requests that would fetch a new document are limited per client IP", async () => {
    const ip = { "X-Forwarded-For": "198.51.100.34" };
    const answers: Response[] = [];
    for (let i = 0; i < 80 && !answers.some((a) => a.status === 429); i++) {
      answers.push(await authorize(`https://10.9.${Math.floor(i / 250)}.${i % 250}/client.json`, ip));
    }
    const refused = answers.find((a) => a.status === 429)!;
    expect(refused).toBeDefined();
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.text()).toContain("Too many new applications");
    // Another address is not affected; a registered client_id never counts.
    expect((await authorize("https://10.9.9.9/client.json", { "X-Forwarded-For": "198.51.100.35" })).status).toBe(400);
    const registered = (await registerClient({ client_name: "Counted apart" })).body.client_id;
    // Signed out, so a known client is sent to sign in rather than refused.
    expect((await authorize(registered, ip)).headers.get("location")).toMatch(/^\/login/);
  });

  it("37. the token and revocation endpoints never fetch a document they have not seen", async () => {
    const loopback = await connectionCounter();
    try {
      const id = `https://[::ffff:127.0.0.1]:${loopback.port}/client.json`;
      const token = await tokenRequest({ grant_type: "refresh_token", client_id: id, refresh_token: "dbr_x" });
      expect(token.status).toBe(401);
      expect(token.body?.error_description).toBe("Unknown client_id: start again at the authorization endpoint.");
      const revoke = await fetch(`${baseUrl()}/api/oauth/revoke`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ client_id: id, token: "dbr_x" }),
      });
      expect(revoke.status).toBe(401);
      expect(loopback.connections).toBe(0);
    } finally {
      loopback.server.close();
    }
  });
});

describe("client ID metadata documents: stored once, expiring unused (issue 9, item 2)", () => {
  // The document is served by a real HTTP server on 127.0.0.1, reached through
  // the real outbound fetcher with its test-only loopback switch.
  let served: Record<string, unknown>;
  let fetches = 0;
  let server: HttpServer;
  let port = 0;
  const clientId = `https://client.example/cimd-${randomBytes(6).toString("hex")}.json`;
  const fetcher: OutboundFetch = (url, request) => {
    const path = new URL(url).pathname;
    return fetchOutbound(`http://127.0.0.1:${port}${path}`, { ...request, allowLoopbackForTests: true });
  };

  beforeAll(async () => {
    served = { client_id: clientId, client_name: "Document client", redirect_uris: [REDIRECT] };
    server = createHttpServer((_req, res) => {
      fetches += 1;
      res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-store" });
      res.end(JSON.stringify(served));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const row = () =>
    prisma.oAuthClient.findUniqueOrThrow({
      where: { clientId },
      select: { name: true, expiresAt: true, registrationType: true },
    });

  it("38. first seen: stored with an expiry; seen again unchanged: not written", async () => {
    const first = await findClientForAuthorization(clientId, fetcher);
    expect(first).toMatchObject({ clientId, name: "Document client", registrationType: "cimd" });
    const stored = await row();
    expect(stored.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);

    // A marker only a write would undo.
    await prisma.oAuthClient.update({ where: { clientId }, data: { name: "marker" } });
    await findClientForAuthorization(clientId, fetcher);
    expect((await row()).name).toBe("marker");
    expect(fetches).toBe(2);
  });

  it("39. a changed document is written; an expired unused one starts a new expiry", async () => {
    served = { ...served, client_name: "Renamed document client" };
    await findClientForAuthorization(clientId, fetcher);
    expect((await row()).name).toBe("Renamed document client");

    await prisma.oAuthClient.update({ where: { clientId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(findClient(clientId)).rejects.toThrow(/Unknown client_id/);
    await findClientForAuthorization(clientId, fetcher);
    expect((await row()).expiresAt!.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
  });

  it("40. a document listing a redirect URI with userinfo or a fragment is refused", async () => {
    served = { ...served, redirect_uris: ["http://evil.example@127.0.0.1:8976/callback"] };
    await expect(findClientForAuthorization(clientId, fetcher)).rejects.toThrow(/userinfo/);
    served = { ...served, redirect_uris: ["http://127.0.0.1:8976/callback#"] };
    await expect(findClientForAuthorization(clientId, fetcher)).rejects.toThrow(/fragment/);
  });
});

describe("redirect URIs never carry userinfo or a fragment (issue 9, item 10)", () => {
  it("41. registration refuses them, loopback or not", async () => {
    for (const uri of [
      "http://evil.example@127.0.0.1:8765/cb",
      "http://@127.0.0.1:8765/cb",
      "http://127.0.0.1:8765/cb#",
      "http://127.0.0.1:8765/cb#frag",
      "https://user@client.example/cb",
      "https://client.example/cb#",
    ]) {
      const res = await registerClient({ redirect_uris: [uri] });
      expect([uri, res.status, res.body.error]).toEqual([uri, 400, "invalid_redirect_uri"]);
    }
  });

  it("42. authorize refuses them with a page, never a redirect", async () => {
    const clientId = (await registerClient({ client_name: "Loopback app" })).body.client_id;
    for (const redirect_uri of [
      "http://evil.example@127.0.0.1:8976/callback",
      "http://@127.0.0.1:8976/callback",
      "http://127.0.0.1:8976/callback#frag",
      "http://127.0.0.1:8976/callback#",
    ]) {
      const { challenge } = pkcePair();
      const res = await owner.fetch(
        authorizationUrl({
          client_id: clientId,
          redirect_uri,
          response_type: "code",
          code_challenge: challenge,
          code_challenge_method: "S256",
        }),
      );
      expect([redirect_uri, res.status, res.headers.get("location")]).toEqual([redirect_uri, 400, null]);
      expect(await res.text()).toContain("cannot be a redirect URI");
    }
  });

  it("43. a client stored with such a URI before this rule is not redirected to", async () => {
    const clientId = `dbcl_legacy_${randomBytes(6).toString("hex")}`;
    await prisma.oAuthClient.create({
      data: {
        clientId,
        name: "Legacy",
        redirectUris: ["http://evil.example@127.0.0.1:8976/callback"],
        grantTypes: ["authorization_code"],
        metadata: {},
      },
    });
    const { challenge } = pkcePair();
    const res = await owner.fetch(
      authorizationUrl({ client_id: clientId, response_type: "code", code_challenge: challenge }),
    );
    expect(res.status).toBe(400);
    expect(res.headers.get("location")).toBeNull();
  });
});

describe("one chain per connection, one grant per approval (issue 9, items 8 and 11)", () => {
  const ownerJar = () => owner;
  const base = () => ({
    redirect_uri: REDIRECT,
    response_type: "code",
    code_challenge: pkcePair().challenge,
    code_challenge_method: "S256",
    state: "s",
  });
  const refresh = (clientId: string, token: string) =>
    tokenRequest({ grant_type: "refresh_token", client_id: clientId, refresh_token: token });

  it("45. five parallel refreshes of one token get fresh access tokens and the same successor, never new chains", async () => {
    const c = await approvedCode();
    const tokens = (await exchange(c)).body!;
    const answers = await Promise.all(Array.from({ length: 5 }, () => refresh(c.clientId, tokens.refresh_token)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    const successors = new Set(answers.map((a) => a.body!.refresh_token));
    expect(successors.size).toBe(1);
    const accesses = new Set(answers.map((a) => a.body!.access_token));
    expect(accesses.size).toBe(5);
    for (const access of accesses) {
      expect((await rpc({ jsonrpc: "2.0", id: 1, method: "tools/list", params: {} }, { token: access })).status).toBe(
        200,
      );
    }
    const grant = await prisma.oAuthToken.findUniqueOrThrow({
      where: { secretHash: hashToken(tokens.refresh_token) },
      select: { grantId: true, successorSecret: true },
    });
    // The original refresh token and its one successor: a single chain.
    expect(await prisma.oAuthToken.count({ where: { grantId: grant.grantId, kind: "refresh" } })).toBe(2);
    // Held encrypted, never in the clear.
    expect(grant.successorSecret).not.toContain([...successors][0]);
    const next = await refresh(c.clientId, [...successors][0]!);
    expect(next.status).toBe(200);
  });

  it("46. a successor is held only for the grace window", async () => {
    const c = await approvedCode();
    const tokens = (await exchange(c)).body!;
    expect((await refresh(c.clientId, tokens.refresh_token)).status).toBe(200);
    await prisma.oAuthToken.update({
      where: { secretHash: hashToken(tokens.refresh_token) },
      data: { rotatedAt: new Date(Date.now() - 60_000) },
    });
    const other = await approvedCode();
    const otherTokens = (await exchange(other)).body!;
    expect((await refresh(other.clientId, otherTokens.refresh_token)).status).toBe(200);
    const old = await prisma.oAuthToken.findUniqueOrThrow({ where: { secretHash: hashToken(tokens.refresh_token) } });
    expect(old.successorSecret).toBeNull();
  });

  it("47. one consent request is approved once; a replayed form mints nothing", async () => {
    const id = (await registerClient({ client_name: `Replay ${Math.random()}` })).body.client_id;
    const { challenge } = pkcePair();
    const first = await ownerJar().fetch(
      authorizationUrl({ ...base(), client_id: id, code_challenge: challenge, scope: "tickets:read" }),
    );
    const form = await consentForm(ownerJar(), first.headers.get("location")!);
    const submit = () => {
      const body = new URLSearchParams({
        request: form.request!,
        csrf: form.csrf!,
        workspace: form.workspace!,
        decision: "approve",
        scopes: "tickets:read",
      });
      return ownerJar().fetch(`${baseUrl()}/api/oauth/consent`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body,
      });
    };
    const approved = await submit();
    expect(approved.status).toBe(303);
    const replayed = await submit();
    expect(replayed.status).toBe(409);
    expect(await replayed.text()).toContain("approved already");
    const client = await prisma.oAuthClient.findUniqueOrThrow({ where: { clientId: id }, select: { id: true } });
    expect(await prisma.oAuthGrant.count({ where: { clientId: client.id } })).toBe(1);
    expect(await prisma.oAuthAuthorizationCode.count({ where: { clientId: client.id } })).toBe(1);
  });

  it("48. remembered consent reuses the connection's grant instead of minting one per visit", async () => {
    const id = (await registerClient({ client_name: `Reuse ${Math.random()}` })).body.client_id;
    const ask = () => authorizationUrl({ ...base(), client_id: id, scope: "tickets:read" });
    expect((await authorizeAs(owner, ask())).consentShown).toBe(true);
    for (let i = 0; i < 3; i++) {
      const again = await authorizeAs(owner, ask());
      expect(again.consentShown).toBe(false);
      expect(new URL(again.location!).searchParams.get("code")).toMatch(/^dbc_/);
    }
    const client = await prisma.oAuthClient.findUniqueOrThrow({ where: { clientId: id }, select: { id: true } });
    expect(await prisma.oAuthGrant.count({ where: { clientId: client.id } })).toBe(1);
    expect(await prisma.oAuthAuthorizationCode.count({ where: { clientId: client.id } })).toBe(4);
  });
});

describe("registration is limited per client IP (issue 9, item 6)", () => {
  it("44. renaming the client in the body does not buy more registrations", async () => {
    const from = (ip: string, name: string) =>
      fetch(`${proxiedBaseUrl()}/api/oauth/register`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Forwarded-For": ip },
        body: JSON.stringify({ client_name: name, redirect_uris: [`https://${name}.example/cb`] }),
      });
    const answers: Response[] = [];
    for (let i = 0; i < 100 && !answers.some((a) => a.status === 429); i++) {
      answers.push(await from("198.51.100.41", `renamed-${i}-${randomBytes(3).toString("hex")}`));
    }
    const refused = answers.at(-1)!;
    expect(refused.status).toBe(429);
    expect(answers.slice(0, -1).every((a) => a.status === 201)).toBe(true);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("cache-control")).toBe("no-store");
    expect(await refused.json()).toEqual({
      error: "slow_down",
      error_description: expect.stringMatching(/^Too many registrations from this address/),
    });
    expect((await from("198.51.100.42", `other-${randomBytes(3).toString("hex")}`)).status).toBe(201);
  });
});
