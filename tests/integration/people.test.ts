// People and their access: the rank rule on every revoke path, the last owner,
// offboarding that really ends sign-in, and invitations that keep secrets out
// of tool results. Services in-process; sign-in, pages and MCP over real HTTP.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { baseUrl, connectMcp, rpc } from "../support/mcp-client";
import {
  absolute,
  authorizationUrl,
  authorizeAs,
  pkcePair,
  registerClient,
  signIn,
  tokenRequest,
} from "../support/oauth-http";
import { prisma } from "@/lib/db";
import { hashToken } from "@/lib/credentials/token-format";
import { createApiKey } from "@/lib/services/credentials/create-api-key";
import { createPersonalToken } from "@/lib/services/credentials/create-personal-token";
import { revokeAllUserAccess } from "@/lib/services/credentials/revoke-all-user-access";
import { revokeCredential } from "@/lib/services/credentials/revoke-credential";
import { revokeAuthorizedApp } from "@/lib/services/oauth/revoke-authorized-app";
import { acceptInvitation } from "@/lib/services/invitations/accept-invitation";
import { joinWithInvitation } from "@/lib/services/invitations/join-with-invitation";
import { reissueInvitationLink } from "@/lib/services/invitations/reissue-invitation-link";
import { changeMemberRole } from "@/lib/services/users/change-member-role";
import { inviteUser } from "@/lib/services/users/invite-user";
import { reactivateMember } from "@/lib/services/users/reactivate-member";
import { addMember } from "@/lib/services/workspaces/add-member";
import type { ActorContext } from "@/lib/context";

const PASSWORD = "correct horse battery";
const refusal = (promise: Promise<unknown>) => promise.then(() => null).catch((e: unknown) => e);
/** A tool error's {error, message}: the JSON text every official client reads. */
const toolError = (result: Awaited<ReturnType<Client["callTool"]>>) =>
  JSON.parse((result.content as { text: string }[])[0]!.text) as { error: string; message: string };
const callsMcp = async (token: string) =>
  (await rpc({ jsonrpc: "2.0", id: 1, method: "tools/list", params: {} }, { token })).status;

/** The owner approves an OAuth client in the workspace; returns its grant and access token. */
async function ownerApp(ws: TestWorkspace) {
  const jar = await signIn(ws.emails.owner);
  const redirect = "http://127.0.0.1:8976/callback";
  const clientId = (await registerClient({ client_name: `Owner's app ${ws.slug}`, redirect_uris: [redirect] })).body
    .client_id as string;
  const { verifier, challenge } = pkcePair();
  const approved = await authorizeAs(
    jar,
    authorizationUrl({
      client_id: clientId,
      redirect_uri: redirect,
      response_type: "code",
      code_challenge: challenge,
      code_challenge_method: "S256",
      state: "s",
      scope: "tickets:read users:read",
    }),
    { workspace: ws.slug },
  );
  const code = new URL(approved.location!).searchParams.get("code")!;
  const tokens = await tokenRequest({
    grant_type: "authorization_code",
    client_id: clientId,
    code,
    code_verifier: verifier,
    redirect_uri: redirect,
  });
  const grant = await prisma.oAuthGrant.findFirstOrThrow({
    where: { workspaceId: ws.workspace.id, userId: ws.users.owner, client: { clientId }, revokedAt: null },
    select: { id: true },
  });
  return { grantId: grant.id, accessToken: tokens.body!.access_token as string };
}

describe("the rank rule on every revoke path", () => {
  let ws: TestWorkspace;
  let adminClient: Client;
  beforeAll(async () => {
    ws = await createTestWorkspace("rank");
    adminClient = await connectMcp((await createPersonalToken(ws.admin, { name: "Admin's Claude" })).secret);
  });
  afterAll(async () => {
    await adminClient?.close();
  });

  it("an admin cannot revoke an owner's personal token; an owner can revoke an admin's", async () => {
    const ownerToken = await createPersonalToken(ws.owner);
    expect(await refusal(revokeCredential(ws.admin, { id: ownerToken.id }))).toMatchObject({
      code: "owner_required",
      message: "Only an owner can revoke an owner's personal token.",
    });
    expect(await callsMcp(ownerToken.secret)).toBe(200);
    const adminToken = await createPersonalToken(ws.admin);
    await revokeCredential(ws.owner, { id: adminToken.id });
    expect(await callsMcp(adminToken.secret)).toBe(401);
  });

  it("an admin cannot revoke an owner's user-level key, in the web app or with revoke_api_key; org-level keys are the workspace's", async () => {
    const ownerKey = await createApiKey(ws.owner, { name: "Owner's own key", org_level: false });
    expect(await refusal(revokeCredential(ws.admin, { id: ownerKey.id }))).toMatchObject({ code: "owner_required" });
    const result = await adminClient.callTool({ name: "revoke_api_key", arguments: { id: ownerKey.id } });
    expect(result.isError).toBe(true);
    expect(toolError(result)).toMatchObject({ error: "owner_required" });
    expect(await callsMcp(ownerKey.secret)).toBe(200);

    const orgKey = await createApiKey(ws.owner, { name: "Owner-made org key", org_level: true });
    const revoked = await adminClient.callTool({ name: "revoke_api_key", arguments: { id: orgKey.id } });
    expect(revoked.isError).toBeFalsy();
    expect(await callsMcp(orgKey.secret)).toBe(401);
  });

  it("an org-level key acts as an admin: it cannot revoke an owner's key either", async () => {
    const ownerKey = await createApiKey(ws.owner, { name: "Owner key 2", org_level: false });
    const org = await createApiKey(ws.admin, { name: "Automation", org_level: true });
    const client = await connectMcp(org.secret);
    try {
      const result = await client.callTool({ name: "revoke_api_key", arguments: { id: ownerKey.id } });
      expect(toolError(result)).toMatchObject({ error: "owner_required" });
    } finally {
      await client.close();
    }
  });

  it("an admin cannot revoke an owner's authorized app", async () => {
    const app = await ownerApp(ws);
    expect(await callsMcp(app.accessToken)).toBe(200);
    expect(await refusal(revokeAuthorizedApp(ws.admin, { grantId: app.grantId }))).toMatchObject({
      code: "owner_required",
      message: "Only an owner can revoke an owner's authorized apps.",
    });
    expect(await callsMcp(app.accessToken)).toBe(200);
    await revokeAuthorizedApp(ws.owner, { grantId: app.grantId });
    expect(await callsMcp(app.accessToken)).toBe(401);
  });

  it("an admin cannot revoke all of an owner's access, nor change an owner's role or make an owner", async () => {
    const ownerToken = await createPersonalToken(ws.owner);
    expect(await refusal(revokeAllUserAccess(ws.admin, { userId: ws.users.owner }))).toMatchObject({
      code: "owner_required",
    });
    expect(await callsMcp(ownerToken.secret)).toBe(200);
    expect(await refusal(changeMemberRole(ws.admin, { user_id: ws.users.owner, role: "agent" }))).toMatchObject({
      code: "owner_required",
    });
    expect(await refusal(changeMemberRole(ws.admin, { user_id: ws.users.agent, role: "owner" }))).toMatchObject({
      code: "owner_required",
      message: "Only an owner can make someone an owner.",
    });
    // Within the rule an admin manages admins and agents.
    expect(await changeMemberRole(ws.admin, { user_id: ws.users.agent, role: "admin" })).toMatchObject({
      role: "admin",
      changed: true,
    });
    await changeMemberRole(ws.admin, { user_id: ws.users.agent, role: "agent" });
    expect(await refusal(changeMemberRole(ws.agent, { user_id: ws.users.agent2, role: "admin" }))).toMatchObject({
      code: "admin_required",
    });
  });

  it("revoke_api_key revokes API keys only: a personal token's id is refused and the token keeps working", async () => {
    const agentToken = await createPersonalToken(ws.agent2);
    const result = await adminClient.callTool({ name: "revoke_api_key", arguments: { id: agentToken.id } });
    expect(result.isError).toBe(true);
    const error = toolError(result);
    expect(error.error).toBe("not_found");
    expect(error.message).toContain("personal token");
    expect(await callsMcp(agentToken.secret)).toBe(200);
  });
});

describe("the last owner", () => {
  let ws: TestWorkspace;
  beforeAll(async () => {
    ws = await createTestWorkspace("owners");
  });

  it("cannot be demoted or offboard themselves", async () => {
    expect(await refusal(changeMemberRole(ws.owner, { user_id: ws.users.owner, role: "admin" }))).toMatchObject({
      code: "conflict",
      message: expect.stringContaining("last owner"),
    });
    expect(await refusal(revokeAllUserAccess(ws.owner, { userId: ws.users.owner }))).toMatchObject({
      code: "conflict",
    });
    const row = await prisma.membership.findUniqueOrThrow({
      where: { workspaceId_userId: { workspaceId: ws.workspace.id, userId: ws.users.owner } },
    });
    expect(row).toMatchObject({ role: "owner", deactivatedAt: null });
  });

  it("two owners demoting or offboarding each other at once leave one owner", async () => {
    await changeMemberRole(ws.owner, { user_id: ws.users.admin, role: "owner" });
    const second: ActorContext = { ...ws.admin, role: "owner" };
    const demotions = await Promise.allSettled([
      changeMemberRole(ws.owner, { user_id: ws.users.admin, role: "agent" }),
      changeMemberRole(second, { user_id: ws.users.owner, role: "agent" }),
    ]);
    const owners = () =>
      prisma.membership.count({ where: { workspaceId: ws.workspace.id, role: "owner", deactivatedAt: null } });
    expect(demotions.filter((d) => d.status === "fulfilled")).toHaveLength(1);
    expect(demotions.find((d) => d.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
    expect(await owners()).toBe(1);

    // Back to two owners, then each offboards the other.
    const survivor = demotions[0]!.status === "fulfilled" ? ws.owner : second;
    const other = survivor === ws.owner ? ws.users.admin : ws.users.owner;
    await changeMemberRole(survivor, { user_id: other, role: "owner" });
    const otherCtx: ActorContext = { ...ws.owner, userId: other, role: "owner" };
    const offboardings = await Promise.allSettled([
      revokeAllUserAccess(survivor, { userId: other }),
      revokeAllUserAccess(otherCtx, { userId: survivor.userId! }),
    ]);
    expect(offboardings.filter((d) => d.status === "fulfilled")).toHaveLength(1);
    expect(await owners()).toBe(1);
  });
});

describe("offboarding ends sign-in to the workspace, reversibly", () => {
  let ws: TestWorkspace;
  let elsewhere: TestWorkspace;
  beforeAll(async () => {
    ws = await createTestWorkspace("offb");
    elsewhere = await createTestWorkspace("offb-else");
    await addMember({ workspace: elsewhere.slug, email: ws.emails.admin, role: "agent" });
  });

  it("an offboarded agent cannot sign in to the workspace, mint a token or use an old one; reactivation restores sign-in only", async () => {
    const token = await createPersonalToken(ws.agent);
    const before = await signIn(ws.emails.agent, PASSWORD);
    expect((await before.fetch(`${baseUrl()}/tickets`)).status).toBe(200);

    const result = await revokeAllUserAccess(ws.admin, { userId: ws.users.agent });
    expect(result).toMatchObject({ deactivated: true, revoked_credentials: 1 });
    expect(await callsMcp(token.secret)).toBe(401);

    // The session they had no longer reaches the workspace, and a fresh sign-in finds none to enter.
    const stale = await before.fetch(`${baseUrl()}/tickets`);
    expect(stale.status).toBe(307);
    expect(stale.headers.get("location")).toContain("/login");
    const jar = await signIn(ws.emails.agent, PASSWORD);
    const tickets = await jar.fetch(`${baseUrl()}/tickets`);
    expect(tickets.headers.get("location")).toContain("/login");
    const login = await jar.fetch(absolute(tickets.headers.get("location")!));
    expect(login.status).toBe(200);
    expect(await login.text()).toContain("not an active member of any workspace");
    // Profile → MCP Integration, where tokens are made, is out of reach.
    expect((await jar.fetch(`${baseUrl()}/profile/mcp`)).headers.get("location")).toContain("/login");

    // Nor can they approve an OAuth client (which would mint a token) in this workspace.
    const clientId = (await registerClient({ client_name: `Offboarded ${ws.slug}` })).body.client_id as string;
    const { challenge } = pkcePair();
    const authorize = await jar.fetch(
      authorizationUrl({
        client_id: clientId,
        redirect_uri: "http://127.0.0.1:8976/callback",
        response_type: "code",
        code_challenge: challenge,
        code_challenge_method: "S256",
        state: "s",
        scope: "tickets:read",
      }),
    );
    // The authorization request sends them to sign-in, which has no workspace to offer.
    expect(authorize.headers.get("location")).toMatch(/^\/login\?/);
    const signInPage = await jar.fetch(absolute(authorize.headers.get("location")!));
    expect(await signInPage.text()).toContain("not an active member of any workspace");

    await reactivateMember(ws.admin, { user_id: ws.users.agent });
    expect((await jar.fetch(`${baseUrl()}/tickets`)).status).toBe(200);
    // What was revoked stays revoked.
    expect(await callsMcp(token.secret)).toBe(401);
  });

  it("keeps the person's other workspaces", async () => {
    await revokeAllUserAccess(ws.owner, { userId: ws.users.admin });
    const jar = await signIn(ws.emails.admin, PASSWORD);
    const page = await jar.fetch(`${baseUrl()}/tickets`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(elsewhere.workspace.name);
    expect(html).not.toContain(ws.workspace.name);
  });

  it("an admin cannot offboard themselves, and reactivating an active member is a conflict", async () => {
    expect(await refusal(revokeAllUserAccess(ws.owner, { userId: ws.users.owner }))).toMatchObject({
      code: "conflict",
    });
    expect(await refusal(reactivateMember(ws.owner, { user_id: ws.users.agent2 }))).toMatchObject({
      code: "conflict",
    });
  });
});

describe("invitations", () => {
  let ws: TestWorkspace;
  let adminClient: Client;
  beforeAll(async () => {
    ws = await createTestWorkspace("invite");
    adminClient = await connectMcp((await createPersonalToken(ws.admin, { name: "Admin's Claude" })).secret);
  });
  afterAll(async () => {
    await adminClient?.close();
  });

  const tokenOf = (link: string) => new URL(link).pathname.split("/").pop()!;

  it("invite_user says the invitation was made and carries no password, secret or link", async () => {
    const email = `newcomer.${ws.slug}@example.com`;
    const result = await adminClient.callTool({ name: "invite_user", arguments: { email, role: "agent" } });
    expect(result.isError).toBeFalsy();
    const text = JSON.stringify(result);
    expect(text).not.toMatch(/password|secret|dbi_|\/invite\//i);
    expect(result.structuredContent).toMatchObject({ email, role: "agent", next_step: expect.any(String) });
    // An invitation, not an account.
    expect(await prisma.user.findUnique({ where: { email } })).toBeNull();
    const row = await prisma.invitation.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, email } });
    expect(row).toMatchObject({ role: "agent", acceptedAt: null });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    // The admin gets a link to send from the web app, which replaces the unseen one.
    const { link } = await reissueInvitationLink(ws.admin, { invitation_id: row.id });
    expect(link).toMatch(/\/invite\/dbi_[0-9A-Za-z]{36}$/);
  });

  it("a link works once: it creates the account and membership, then is refused", async () => {
    const email = `ines.${ws.slug}@example.com`;
    const { link, invitation } = await inviteUser(ws.admin, { email, name: "Ines", role: "admin" });
    const token = tokenOf(link);
    const stored = await prisma.invitation.findUniqueOrThrow({ where: { id: invitation.invitation_id } });
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    const page = await fetch(`${baseUrl()}/invite/${token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Create account and join");

    const accepted = await acceptInvitation({ token, name: "Ines Ibarra", password: "a long new password" });
    expect(accepted.email).toBe(email);
    const user = await prisma.user.findUniqueOrThrow({
      where: { email },
      select: { passwordHash: true, memberships: { select: { workspaceId: true, role: true } } },
    });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.memberships).toEqual([{ workspaceId: ws.workspace.id, role: "admin" }]);
    const jar = await signIn(email, "a long new password");
    expect((await jar.fetch(`${baseUrl()}/tickets`)).status).toBe(200);

    expect(await refusal(acceptInvitation({ token, name: "Mallory", password: "another password!" }))).toMatchObject({
      code: "conflict",
      message: expect.stringContaining("already used"),
    });
    const used = await (await fetch(`${baseUrl()}/invite/${token}`)).text();
    expect(used).toContain("already used");
  });

  it("of two acceptances at once, one wins", async () => {
    const { link } = await inviteUser(ws.admin, { email: `race.${ws.slug}@example.com` });
    const token = tokenOf(link);
    const results = await Promise.allSettled([
      acceptInvitation({ token, name: "One", password: "first password!" }),
      acceptInvitation({ token, name: "Two", password: "second password" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("an expired link, a withdrawn one and a forged one are refused with a clear page", async () => {
    const email = `late.${ws.slug}@example.com`;
    const first = await inviteUser(ws.admin, { email });
    // Inviting again withdraws the first link.
    const second = await inviteUser(ws.admin, { email });
    expect(
      await refusal(acceptInvitation({ token: tokenOf(first.link), name: "L", password: "password123" })),
    ).toMatchObject({ code: "conflict", message: expect.stringContaining("withdrawn") });
    await prisma.invitation.update({
      where: { id: second.invitation.invitation_id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(
      await refusal(acceptInvitation({ token: tokenOf(second.link), name: "L", password: "password123" })),
    ).toMatchObject({ code: "conflict", message: expect.stringContaining("expired") });
    const expiredPage = await (await fetch(`${baseUrl()}/invite/${tokenOf(second.link)}`)).text();
    expect(expiredPage).toContain("This invitation has expired");
    const forged = await fetch(`${baseUrl()}/invite/dbi_notarealtoken`);
    expect(forged.status).toBe(200);
    expect(await forged.text()).toContain("not valid");
    expect(await prisma.user.findUnique({ where: { email } })).toBeNull();
  });

  it("an existing account joins as itself, and only as the invited email", async () => {
    const other = await createTestWorkspace("invite-else");
    const { link } = await inviteUser(ws.admin, { email: other.emails.agent });
    const token = tokenOf(link);
    expect(await refusal(joinWithInvitation({ token, userId: other.users.admin }))).toMatchObject({
      code: "conflict",
      message: expect.stringContaining(other.emails.agent),
    });
    expect(await refusal(acceptInvitation({ token, name: "Again", password: "password123" }))).toMatchObject({
      code: "conflict",
      message: expect.stringContaining("already has an account"),
    });
    await joinWithInvitation({ token, userId: other.users.agent });
    const membership = await prisma.membership.findUniqueOrThrow({
      where: { workspaceId_userId: { workspaceId: ws.workspace.id, userId: other.users.agent } },
    });
    expect(membership.role).toBe("agent");
    expect(await refusal(inviteUser(ws.admin, { email: other.emails.agent }))).toMatchObject({ code: "conflict" });
  });
});
