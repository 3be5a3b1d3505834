import { beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { prisma } from "@/lib/db";
import { type AppError } from "@/lib/errors";
import { hashToken } from "@/lib/credentials/token-format";
import { verifyBearer } from "@/lib/credentials/verify-bearer";
import { createApiKey } from "@/lib/services/credentials/create-api-key";
import { createPersonalToken } from "@/lib/services/credentials/create-personal-token";
import { listCredentials } from "@/lib/services/credentials/list-credentials";
import { revokeAllUserAccess } from "@/lib/services/credentials/revoke-all-user-access";
import { revokeCredential } from "@/lib/services/credentials/revoke-credential";

const RESOURCE = "http://localhost:3000/api/v1/mcp";
const verify = (token: string) => verifyBearer(token, { resource: RESOURCE, ip: "127.0.0.1" });

let ws: TestWorkspace;
beforeAll(async () => {
  ws = await createTestWorkspace("cred");
});

describe("workspace API keys", () => {
  it("stores only the hash, shows the secret once, and verifies as the workspace", async () => {
    const key = await createApiKey(ws.admin, { name: "CI pipeline", scopes: ["tickets:read"], org_level: true });
    expect(key.secret).toMatch(/^dbk_/);
    const row = await prisma.credential.findUniqueOrThrow({ where: { id: key.id } });
    expect(JSON.stringify(row)).not.toContain(key.secret);
    expect(row.secretHash).toBe(hashToken(key.secret));
    const listed = await listCredentials(ws.admin, { kind: "workspace_key" });
    expect(listed.find((k) => k.id === key.id)).toMatchObject({
      masked: `dbk_…${key.secret.slice(-4)}`,
      scopes: ["tickets:read"],
      status: "active",
    });
    expect(JSON.stringify(listed)).not.toContain(key.secret);

    const result = await verify(key.secret);
    expect(result).toMatchObject({
      ok: true,
      credential: {
        kind: "workspace_key",
        userId: null,
        orgLevel: true,
        scopes: ["tickets:read"],
        workspaceId: ws.workspace.id,
      },
    });
  });

  it("a user-level key acts as its creator with the creator's current role", async () => {
    const key = await createApiKey(ws.admin, { name: "Mine", org_level: false });
    const first = await verify(key.secret);
    expect(first).toMatchObject({ ok: true, credential: { userId: ws.users.admin, role: "admin", orgLevel: false } });
    await prisma.membership.update({
      where: { workspaceId_userId: { workspaceId: ws.workspace.id, userId: ws.users.admin } },
      data: { role: "agent" },
    });
    expect(await verify(key.secret)).toMatchObject({ ok: true, credential: { role: "agent" } });
    await prisma.membership.update({
      where: { workspaceId_userId: { workspaceId: ws.workspace.id, userId: ws.users.admin } },
      data: { role: "admin" },
    });
  });

  it("revocation and expiry apply to the very next verification", async () => {
    const key = await createApiKey(ws.admin, { name: "Short", expiry_hours: 1 });
    expect((await verify(key.secret)).ok).toBe(true);
    await prisma.credential.update({ where: { id: key.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await verify(key.secret)).toEqual({ ok: false, reason: "expired" });
    const other = await createApiKey(ws.admin, { name: "To revoke" });
    await revokeCredential(ws.admin, { id: other.id });
    expect(await verify(other.secret)).toEqual({ ok: false, reason: "invalid" });
  });

  it("rejects typos and unknown tokens without touching the database", async () => {
    const key = await createApiKey(ws.admin, { name: "Typo" });
    const typo = key.secret.slice(0, -1) + (key.secret.endsWith("A") ? "B" : "A");
    expect(await verify(typo)).toEqual({ ok: false, reason: "invalid" });
    expect(await verify("not-a-token")).toEqual({ ok: false, reason: "invalid" });
  });

  it("agents cannot revoke keys; admins name unknown scopes as errors", async () => {
    const key = await createApiKey(ws.admin, { name: "Protected" });
    const error = await revokeCredential(ws.agent, { id: key.id }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "admin_required" });
    const bad = await createApiKey(ws.admin, { name: "x", scopes: ["tickets:delete"] as never }).catch(
      (e: unknown) => e as AppError,
    );
    expect(bad).toMatchObject({ code: "validation_error" });
    expect((bad as AppError).fields?.["scopes.0"]?.[0]).toContain("unknown scope");
  });
});

describe("personal MCP tokens", () => {
  it("allows ten active tokens and refuses the eleventh with a clear message", async () => {
    const tokens = [];
    for (let i = 0; i < 10; i++) tokens.push(await createPersonalToken(ws.agent2));
    expect(tokens[0]!.secret).toMatch(/^dbp_/);
    const twoYears = Date.parse(tokens[0]!.expires_at) - Date.parse(tokens[0]!.created_at);
    expect(Math.round(twoYears / 86_400_000)).toBe(730);
    const refused = await createPersonalToken(ws.agent2).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "limit_reached" });
    expect((refused as AppError).message).toMatch(/10 active tokens/);
    await revokeCredential(ws.agent2, { id: tokens[0]!.id });
    expect((await createPersonalToken(ws.agent2)).secret).toMatch(/^dbp_/);
  });

  it("carries all scopes with the agent's role", async () => {
    const token = await createPersonalToken(ws.agent);
    expect(await verify(token.secret)).toMatchObject({
      ok: true,
      credential: { kind: "personal_token", userId: ws.users.agent, role: "agent", scopes: ["mcp:read", "mcp:write"] },
    });
  });

  it("an agent cannot revoke another agent's token; offboarding revokes everything at once", async () => {
    const token = await createPersonalToken(ws.agent);
    expect(await revokeCredential(ws.agent2, { id: token.id }).catch((e: unknown) => e)).toMatchObject({
      code: "admin_required",
    });
    const key = await createApiKey({ ...ws.agent, role: "admin" }, { name: "agent's user key", org_level: false });
    const result = await revokeAllUserAccess(ws.admin, { userId: ws.users.agent });
    expect(result.revoked_credentials).toBeGreaterThanOrEqual(2);
    expect(await verify(token.secret)).toEqual({ ok: false, reason: "invalid" });
    expect(await verify(key.secret)).toEqual({ ok: false, reason: "invalid" });
  });

  it("a deactivated member's tokens stop working", async () => {
    const token = await createPersonalToken(ws.owner);
    await prisma.membership.update({
      where: { workspaceId_userId: { workspaceId: ws.workspace.id, userId: ws.users.owner } },
      data: { deactivatedAt: new Date() },
    });
    expect(await verify(token.secret)).toEqual({ ok: false, reason: "invalid" });
    await prisma.membership.update({
      where: { workspaceId_userId: { workspaceId: ws.workspace.id, userId: ws.users.owner } },
      data: { deactivatedAt: null },
    });
  });

  it("a user-level key answers to the membership in its own workspace, not to the user's others", async () => {
    const other = await createTestWorkspace("cred-second");
    const key = await createApiKey({ ...ws.agent2, role: "admin" }, { name: "agent2's key", org_level: false });
    await prisma.membership.create({
      data: { workspaceId: other.workspace.id, userId: ws.users.agent2, role: "admin", deactivatedAt: new Date() },
    });
    expect(await verify(key.secret)).toMatchObject({
      ok: true,
      credential: { workspaceId: ws.workspace.id, userId: ws.users.agent2, role: "agent" },
    });
    const here = { workspaceId_userId: { workspaceId: ws.workspace.id, userId: ws.users.agent2 } };
    await prisma.membership.update({ where: here, data: { deactivatedAt: new Date() } });
    await prisma.membership.update({
      where: { workspaceId_userId: { workspaceId: other.workspace.id, userId: ws.users.agent2 } },
      data: { deactivatedAt: null },
    });
    expect(await verify(key.secret)).toEqual({ ok: false, reason: "invalid" });
    await prisma.membership.update({ where: here, data: { deactivatedAt: null } });
  });

  it("another workspace's admin cannot see or revoke these credentials", async () => {
    const other = await createTestWorkspace("cred-other");
    const key = await createApiKey(ws.admin, { name: "Private" });
    expect(await revokeCredential(other.admin, { id: key.id }).catch((e: unknown) => e)).toMatchObject({
      code: "not_found",
    });
    expect((await listCredentials(other.admin, { kind: "workspace_key" })).map((k) => k.id)).not.toContain(key.id);
    expect(await revokeAllUserAccess(other.admin, { userId: ws.users.agent2 }).catch((e: unknown) => e)).toMatchObject({
      code: "not_found",
    });
  });
});
