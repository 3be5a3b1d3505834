// create_api_key through MCP: a key never gets more scope or a longer life
// than the credential that makes it, and dies with it, down every level.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { rpc, toolBody } from "../support/mcp-client";
import { authorizationUrl, authorizeAs, pkcePair, registerClient, signIn, tokenRequest } from "../support/oauth-http";
import { prisma } from "@/lib/db";
import { createApiKey } from "@/lib/services/credentials/create-api-key";
import { createPersonalToken } from "@/lib/services/credentials/create-personal-token";
import { revokeAllUserAccess } from "@/lib/services/credentials/revoke-all-user-access";
import { revokeCredential } from "@/lib/services/credentials/revoke-credential";
import { revokeAuthorizedApp } from "@/lib/services/oauth/revoke-authorized-app";
import { deleteUser } from "@/lib/services/users/delete-user";

let ws: TestWorkspace;
beforeAll(async () => {
  ws = await createTestWorkspace("escalate");
});

let id = 0;
async function mint(token: string, args: Record<string, unknown>) {
  const res = await rpc(
    { jsonrpc: "2.0", id: ++id, method: "tools/call", params: { name: "create_api_key", arguments: args } },
    { token },
  );
  expect(res.status).toBe(200);
  return { isError: Boolean(res.json?.result?.isError), body: toolBody(res.json?.result) };
}

/** 200 when the key still works, 401 once it is revoked. */
async function statusOf(token: string) {
  return (await rpc({ jsonrpc: "2.0", id: ++id, method: "tools/list", params: {} }, { token })).status;
}

describe("create_api_key with a narrow credential", () => {
  it("a key that may only manage keys mints only keys that may only manage keys", async () => {
    const narrow = await createApiKey(ws.admin, { name: "Key robot", scopes: ["api-keys:write"] });
    const child = await mint(narrow.secret, { name: "child" });
    expect(child.isError).toBe(false);
    expect(child.body.scopes).toEqual(["api-keys:write"]);

    const wide = await mint(narrow.secret, { name: "wide", scopes: ["mcp:read", "mcp:write"] });
    expect(wide).toMatchObject({ isError: true, body: { error: "insufficient_scope" } });
    expect(wide.body.message).toContain("mcp:read, mcp:write");
    expect(wide.body.required_scope).toBe("mcp:read mcp:write");

    const family = await mint(narrow.secret, { name: "tickets", scopes: ["tickets:read"] });
    expect(family.body).toMatchObject({ error: "insufficient_scope", required_scope: "tickets:read" });
  });

  it("an umbrella holder may pick any family scope of it, never the other umbrella", async () => {
    const reader = await createApiKey(ws.admin, { name: "Reader robot", scopes: ["mcp:read", "api-keys:write"] });
    const ok = await mint(reader.secret, { name: "tickets reader", scopes: ["tickets:read", "contacts:read"] });
    expect(ok.body.scopes).toEqual(["tickets:read", "contacts:read"]);
    const writer = await mint(reader.secret, { name: "writer", scopes: ["tickets:write"] });
    expect(writer.body).toMatchObject({ error: "insufficient_scope", required_scope: "tickets:write" });
  });

  it("a key expires no later than its creator; without an expiry asked, it inherits the creator's", async () => {
    const parent = await createApiKey(ws.admin, { name: "Short-lived", expiry_hours: 2 });
    const parentExpiry = new Date(parent.expires_at!).getTime();
    const longer = await mint(parent.secret, { name: "longer", expiry_hours: 3 });
    expect(longer.body).toMatchObject({ error: "validation_error", fields: { expiry_hours: ["must be at most 1"] } });
    const inherits = await mint(parent.secret, { name: "inherits" });
    expect(new Date(inherits.body.expires_at).getTime()).toBe(parentExpiry);
    const shorter = await mint(parent.secret, { name: "shorter", expiry_hours: 1 });
    expect(new Date(shorter.body.expires_at).getTime()).toBeLessThan(parentExpiry);

    const forever = await createApiKey(ws.admin, { name: "No expiry" });
    expect((await mint(forever.secret, { name: "also forever" })).body.expires_at).toBeNull();
  });

  it("records its parent and is revoked with it, down every level", async () => {
    const root = await createApiKey(ws.admin, { name: "Root robot" });
    const child = await mint(root.secret, { name: "child" });
    const grandchild = await mint(child.body.secret, { name: "grandchild" });
    const row = await prisma.credential.findUniqueOrThrow({ where: { id: grandchild.body.id } });
    expect(row.parentCredentialId).toBe(child.body.id);
    expect(await statusOf(grandchild.body.secret)).toBe(200);

    await revokeCredential(ws.admin, { id: root.id });
    expect(await statusOf(root.secret)).toBe(401);
    expect(await statusOf(child.body.secret)).toBe(401);
    expect(await statusOf(grandchild.body.secret)).toBe(401);
  });

  it("an org-level key minted with an agent-admin's personal token dies when the user's access is revoked or they are offboarded", async () => {
    for (const end of ["revoke-all", "offboard"] as const) {
      const extra = await createTestWorkspace("offboard");
      const token = await createPersonalToken(extra.admin, { name: "Laptop" });
      const minted = await mint(token.secret, { name: "org child", org_level: true });
      expect(minted.body.org_level).toBe(true);
      const grandchild = await mint(minted.body.secret, { name: "grandchild" });
      if (end === "revoke-all") await revokeAllUserAccess(extra.owner, { userId: extra.users.admin });
      else await deleteUser(extra.owner, { user_id: extra.users.admin });
      expect(await statusOf(minted.body.secret), end).toBe(401);
      expect(await statusOf(grandchild.body.secret), end).toBe(401);
    }
  });
});

describe("create_api_key over an OAuth grant", () => {
  async function grantFor(scope: string) {
    const owner = await signIn(ws.emails.owner);
    const redirect = "http://127.0.0.1:8977/callback";
    const client = await registerClient({ client_name: `Keys app ${Math.random()}`, redirect_uris: [redirect] });
    const { verifier, challenge } = pkcePair();
    const approved = await authorizeAs(
      owner,
      authorizationUrl({
        client_id: client.body.client_id,
        redirect_uri: redirect,
        response_type: "code",
        code_challenge: challenge,
        code_challenge_method: "S256",
        scope,
      }),
    );
    const code = new URL(approved.location!).searchParams.get("code")!;
    const tokens = await tokenRequest({
      grant_type: "authorization_code",
      client_id: client.body.client_id,
      code,
      code_verifier: verifier,
      redirect_uri: redirect,
    });
    expect(tokens.status, JSON.stringify(tokens.body)).toBe(200);
    const grant = await prisma.oAuthGrant.findFirstOrThrow({
      where: { workspaceId: ws.workspace.id, client: { clientId: client.body.client_id } },
      select: { id: true },
    });
    return { access: tokens.body!.access_token as string, grantId: grant.id };
  }

  it("a grant for api-keys:write alone mints keys bounded by the grant, revoked with the grant", async () => {
    const { access, grantId } = await grantFor("api-keys:write");
    const wide = await mint(access, { name: "wide", scopes: ["mcp:read", "mcp:write"] });
    expect(wide.body).toMatchObject({ error: "insufficient_scope", required_scope: "mcp:read mcp:write" });

    const child = await mint(access, { name: "from oauth" });
    expect(child.body.scopes).toEqual(["api-keys:write"]);
    // The grant lives as long as its refresh token: the key cannot outlast it.
    const refresh = await prisma.oAuthToken.findFirstOrThrow({ where: { grantId, kind: "refresh" } });
    expect(new Date(child.body.expires_at).getTime()).toBe(refresh.expiresAt.getTime());
    const row = await prisma.credential.findUniqueOrThrow({ where: { id: child.body.id } });
    expect(row.parentGrantId).toBe(grantId);

    await revokeAuthorizedApp(ws.owner, { grantId });
    expect(await statusOf(access)).toBe(401);
    expect(await statusOf(child.body.secret)).toBe(401);
  });

  it("the web app's admin keeps full choice", async () => {
    const key = await createApiKey(ws.admin, { name: "From settings", scopes: ["mcp:read", "mcp:write"] });
    expect(key.scopes).toEqual(["mcp:read", "mcp:write"]);
    expect(key.expires_at).toBeNull();
  });
});
