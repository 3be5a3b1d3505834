// Rotating keys and tokens, and editing a key's IP allow-list, through the real route and the
// official SDK client: the old secret during and after its overlap, an overlap of none, ending it
// early, who may rotate, and each key's calls in its row.
import { type Client } from "@modelcontextprotocol/sdk/client/index.js";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { connectMcp, rpc, toolBody } from "../support/mcp-client";
import { until } from "../support/until";
import { prisma } from "@/lib/db";
import { announceAccessChange } from "@/lib/credentials/auth-cache";
import { hashToken } from "@/lib/credentials/token-format";
import { createApiKey } from "@/lib/services/credentials/create-api-key";
import { createPersonalToken } from "@/lib/services/credentials/create-personal-token";
import { listCredentials } from "@/lib/services/credentials/list-credentials";
import { revokeCredential } from "@/lib/services/credentials/revoke-credential";
import { revokePreviousSecret } from "@/lib/services/credentials/revoke-previous-secret";
import { rotateCredential } from "@/lib/services/credentials/rotate-credential";
import { updateKeyIpAllowList } from "@/lib/services/credentials/update-key-ip-allow-list";

let ws: TestWorkspace;
let id = 0;
beforeAll(async () => {
  ws = await createTestWorkspace("rotate");
});

/** The HTTP status of one tools/list with this bearer. */
async function statusOf(token: string) {
  return (await rpc({ jsonrpc: "2.0", id: ++id, method: "tools/list", params: {} }, { token })).status;
}

/** The SDK client's refusal: the HTTP status it read, or null when the call went through. */
async function refusalOf(promise: Promise<unknown>) {
  const error = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as { code?: number; message?: string } | null;
  return error ? { status: error.code, message: error.message ?? "" } : null;
}

async function getMe(client: Client) {
  const result = await client.callTool({ name: "get_me", arguments: {} });
  return { isError: result.isError === true, body: toolBody(result) };
}

/**
 * Ends the old secret's overlap as time would: the stored overlap end moves into the past. A running
 * server's clock cannot be moved, and an instance that cached the old secret holds the end it read
 * then (the cache refuses an entry past that end: lib/credentials/auth-cache.test.ts), so the
 * instances are told of the change as any credential change tells them.
 */
async function overlapEnds(credentialId: string) {
  const row = await prisma.credential.update({
    where: { id: credentialId },
    data: { previousExpiresAt: new Date(Date.now() - 1000) },
    select: { workspaceId: true },
  });
  await announceAccessChange([row.workspaceId]);
}

describe("rotating a key", () => {
  it("with an overlap: the new secret works at once, the old one until the overlap ends and then never", async () => {
    const key = await createApiKey(ws.admin, { name: "Nightly export", scopes: ["mcp:read"] });
    const before = await connectMcp(key.secret);
    expect((await getMe(before)).isError).toBe(false);

    const rotated = await rotateCredential(ws.admin, { id: key.id, overlap: "24h" });
    expect(rotated.secret).toMatch(/^dbk_/);
    expect(rotated.secret).not.toBe(key.secret);
    expect(rotated.previous_masked).toBe(`dbk_…${key.secret.slice(-4)}`);
    expect(new Date(rotated.previous_valid_until!).getTime()).toBeGreaterThan(Date.now());
    // Stored as hashes only, like every secret.
    const row = await prisma.credential.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.secretHash).toBe(hashToken(rotated.secret));
    expect(row.previousSecretHash).toBe(hashToken(key.secret));
    expect(JSON.stringify(row)).not.toContain(rotated.secret);

    // During the overlap both secrets work, the already-connected client included.
    expect((await getMe(before)).isError).toBe(false);
    const after = await connectMcp(rotated.secret);
    expect((await getMe(after)).isError).toBe(false);
    const listed = (await listCredentials(ws.admin, { kind: "workspace_key" })).find((k) => k.id === key.id)!;
    expect(listed).toMatchObject({
      name: "Nightly export",
      masked: rotated.masked,
      status: "active",
      previous_secret: { masked: rotated.previous_masked, valid_until: rotated.previous_valid_until },
    });

    await overlapEnds(key.id);
    expect(await refusalOf(before.listTools())).toMatchObject({ status: 401 });
    expect(await statusOf(key.secret)).toBe(401);
    expect((await getMe(after)).isError).toBe(false);
    const ended = (await listCredentials(ws.admin, { kind: "workspace_key" })).find((k) => k.id === key.id)!;
    expect(ended.previous_secret).toBeNull();
    await after.close();
    await before.close().catch(() => undefined);
  });

  it("with no overlap: the old secret is refused on the very next request", async () => {
    const token = await createPersonalToken(ws.agent, { name: "Cursor" });
    const before = await connectMcp(token.secret);
    expect((await getMe(before)).isError).toBe(false);
    const rotated = await rotateCredential(ws.agent, { id: token.id, overlap: "none" });
    expect(rotated.previous_valid_until).toBeNull();
    expect(await refusalOf(before.listTools())).toMatchObject({ status: 401 });
    expect(await statusOf(token.secret)).toBe(401);
    const after = await connectMcp(rotated.secret);
    expect((await getMe(after)).body).toMatchObject({ user: { id: ws.users.agent }, credential: { id: token.id } });
    await after.close();
    await before.close().catch(() => undefined);
  });

  it("ending the overlap early, revoking the key, and a second rotation each stop the old secret at once", async () => {
    const key = await createApiKey(ws.admin, { name: "Webhook relay", scopes: ["mcp:read"] });
    const first = await rotateCredential(ws.admin, { id: key.id, overlap: "7d" });
    expect(await statusOf(key.secret)).toBe(200);
    await revokePreviousSecret(ws.admin, { id: key.id });
    expect(await statusOf(key.secret)).toBe(401);
    expect(await statusOf(first.secret)).toBe(200);

    // A second rotation keeps only the secret it replaces; the one before that stops.
    const second = await rotateCredential(ws.admin, { id: key.id, overlap: "1h" });
    const third = await rotateCredential(ws.admin, { id: key.id, overlap: "1h" });
    expect(await statusOf(first.secret)).toBe(401);
    expect(await statusOf(second.secret)).toBe(200);
    expect(await statusOf(third.secret)).toBe(200);

    await revokeCredential(ws.admin, { id: key.id });
    expect(await statusOf(second.secret)).toBe(401);
    expect(await statusOf(third.secret)).toBe(401);
  });

  it("the old secret never outlives the key", async () => {
    const key = await createApiKey(ws.admin, { name: "Short-lived", scopes: ["mcp:read"], expiry_hours: 2 });
    const rotated = await rotateCredential(ws.admin, { id: key.id, overlap: "7d" });
    const row = await prisma.credential.findUniqueOrThrow({ where: { id: key.id } });
    expect(rotated.previous_valid_until).toBe(row.expiresAt!.toISOString());
  });

  it("is audited with the overlap chosen, never the secret", async () => {
    const key = await createApiKey(ws.admin, { name: "Audited", scopes: ["mcp:read"] });
    const rotated = await rotateCredential(ws.admin, { id: key.id, overlap: "1h" });
    await revokePreviousSecret(ws.admin, { id: key.id });
    const events = await prisma.auditEvent.findMany({
      where: { workspaceId: ws.workspace.id, details: { path: ["credential_id"], equals: key.id } },
      orderBy: { createdAt: "asc" },
      select: { action: true, actorUserId: true, details: true },
    });
    expect(events.map((e) => e.action)).toEqual([
      "api_key.create",
      "workspace_key.rotate",
      "workspace_key.revoke_previous_secret",
    ]);
    expect(events[1]).toMatchObject({
      actorUserId: ws.users.admin,
      details: { overlap: "1h", previous_secret: rotated.previous_masked, name: "Audited" },
    });
    expect(JSON.stringify(events)).not.toContain(rotated.secret);
    expect(JSON.stringify(events)).not.toContain(key.secret);
  });

  it("refuses a revoked or expired key, and an overlap it does not offer, naming the field", async () => {
    const revoked = await createApiKey(ws.admin, { name: "Gone", scopes: ["mcp:read"] });
    await revokeCredential(ws.admin, { id: revoked.id });
    await expect(rotateCredential(ws.admin, { id: revoked.id })).rejects.toMatchObject({ code: "conflict" });
    const expired = await createApiKey(ws.admin, { name: "Old", scopes: ["mcp:read"] });
    await prisma.credential.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(rotateCredential(ws.admin, { id: expired.id })).rejects.toMatchObject({ code: "conflict" });
    const key = await createApiKey(ws.admin, { name: "Live", scopes: ["mcp:read"] });
    await expect(rotateCredential(ws.admin, { id: key.id, overlap: "3 weeks" as never })).rejects.toMatchObject({
      code: "validation_error",
      fields: { overlap: [expect.stringContaining("none")] },
    });
    expect(await statusOf(key.secret)).toBe(200);
  });
});

describe("who may rotate", () => {
  it("an agent rotates their own token but not another's, nor a workspace key; an admin not an owner's token", async () => {
    const own = await createPersonalToken(ws.agent);
    await expect(rotateCredential(ws.agent, { id: own.id, overlap: "1h" })).resolves.toMatchObject({ id: own.id });
    const colleagues = await createPersonalToken(ws.agent2);
    await expect(rotateCredential(ws.agent, { id: colleagues.id })).rejects.toMatchObject({ code: "admin_required" });
    const workspaceKey = await createApiKey(ws.admin, { name: "Shared", scopes: ["mcp:read"] });
    await expect(rotateCredential(ws.agent, { id: workspaceKey.id })).rejects.toMatchObject({
      code: "admin_required",
    });
    await expect(revokePreviousSecret(ws.agent, { id: workspaceKey.id })).rejects.toMatchObject({
      code: "admin_required",
    });
    const owners = await createPersonalToken(ws.owner);
    await expect(rotateCredential(ws.admin, { id: owners.id })).rejects.toMatchObject({ code: "owner_required" });
    // Nothing changed for the credentials that were refused.
    expect(await statusOf(colleagues.secret)).toBe(200);
    expect(await statusOf(workspaceKey.secret)).toBe(200);
    expect(await statusOf(owners.secret)).toBe(200);
    // Another workspace's admin does not find the key at all.
    const other = await createTestWorkspace("rotate-other");
    await expect(rotateCredential(other.admin, { id: workspaceKey.id })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("a key's IP allow-list, edited after creation", () => {
  it("takes effect on the next request, both ways", async () => {
    const key = await createApiKey(ws.admin, {
      name: "Office only",
      scopes: ["mcp:read"],
      ip_allow_list: ["203.0.113.0/24"],
    });
    const refused = await rpc({ jsonrpc: "2.0", id: ++id, method: "tools/list", params: {} }, { token: key.secret });
    expect(refused.status).toBe(403);
    expect(refused.json?.error).toBe("ip_not_allowed");

    const opened = await updateKeyIpAllowList(ws.admin, { id: key.id, ip_allow_list: "127.0.0.0/8\n::1/128" });
    expect(opened).toMatchObject({ changed: true, ip_allow_list: ["127.0.0.0/8", "::1/128"] });
    const client = await connectMcp(key.secret);
    expect((await getMe(client)).isError).toBe(false);

    await updateKeyIpAllowList(ws.admin, { id: key.id, ip_allow_list: ["198.51.100.7"] });
    const next = await refusalOf(client.listTools());
    expect(next).toMatchObject({ status: 403 });
    expect(next!.message).toContain("ip_not_allowed");

    // Empty: any address again.
    await updateKeyIpAllowList(ws.admin, { id: key.id, ip_allow_list: "" });
    expect(await statusOf(key.secret)).toBe(200);
    expect((await listCredentials(ws.admin, { kind: "workspace_key" })).find((k) => k.id === key.id)).toMatchObject({
      ip_allow_list: [],
    });
    const audit = await prisma.auditEvent.findMany({
      where: { workspaceId: ws.workspace.id, action: "api_key.update_ip_allow_list" },
      select: { details: true },
    });
    expect(audit.map((a) => a.details)).toContainEqual(
      expect.objectContaining({ credential_id: key.id, from: ["203.0.113.0/24"], to: ["127.0.0.0/8", "::1/128"] }),
    );
    await client.close().catch(() => undefined);
  });

  it("is validated by the schema used at creation, and only those who may manage the key change it", async () => {
    const key = await createApiKey(ws.admin, { name: "Validated", scopes: ["mcp:read"] });
    await expect(
      updateKeyIpAllowList(ws.admin, { id: key.id, ip_allow_list: ["10.0.0.0/8", "10.0.0.0/33"] }),
    ).rejects.toMatchObject({
      code: "validation_error",
      fields: { "ip_allow_list.1": [expect.stringContaining("CIDR")] },
    });
    await expect(updateKeyIpAllowList(ws.agent, { id: key.id, ip_allow_list: ["127.0.0.1"] })).rejects.toMatchObject({
      code: "admin_required",
    });
    const token = await createPersonalToken(ws.agent);
    await expect(updateKeyIpAllowList(ws.agent, { id: token.id, ip_allow_list: ["127.0.0.1"] })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await statusOf(key.secret)).toBe(200);
  });
});

describe("usage in the list", () => {
  it("counts each key's MCP calls of the last 30 days from the per-call audit rows", async () => {
    const key = await createApiKey(ws.admin, { name: "Busy", scopes: ["mcp:read"] });
    const idle = await createApiKey(ws.admin, { name: "Idle", scopes: ["mcp:read"] });
    const client = await connectMcp(key.secret);
    for (let i = 0; i < 3; i++) await getMe(client);
    await client.close();
    const rows = await until("three calls counted", async () => {
      const listed = await listCredentials(ws.admin, { kind: "workspace_key" });
      return listed.find((k) => k.id === key.id)?.calls_30d === 3 ? listed : null;
    });
    expect(rows.find((k) => k.id === idle.id)?.calls_30d).toBe(0);
    // Calls older than 30 days are not counted.
    await prisma.auditEvent.updateMany({
      where: { workspaceId: ws.workspace.id, credentialId: key.id, latencyMs: { not: null } },
      data: { createdAt: new Date(Date.now() - 31 * 86_400_000) },
    });
    expect((await listCredentials(ws.admin, { kind: "workspace_key" })).find((k) => k.id === key.id)?.calls_30d).toBe(
      0,
    );
  });
});
