// The credential cache of two instances on one PostgreSQL and one Redis: each
// instance is its own cache and its own store client, as two processes have;
// access changes go through the real services. A request runs the MCP route's
// steps: authenticate, limit (which reads the access version), confirm.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../support/app-server.mjs";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { createAuthCache } from "@/lib/credentials/auth-cache";
import { prisma } from "@/lib/db";
import { checkRateLimit, identityOf } from "@/lib/rate-limit/limiter";
import { limitsFor } from "@/lib/rate-limit/policies";
import { createRedisStore, type CounterStore } from "@/lib/rate-limit/store";
import { createApiKey } from "@/lib/services/credentials/create-api-key";
import { createPersonalToken } from "@/lib/services/credentials/create-personal-token";
import { revokeCredential } from "@/lib/services/credentials/revoke-credential";
import { revokePreviousSecret } from "@/lib/services/credentials/revoke-previous-secret";
import { rotateCredential } from "@/lib/services/credentials/rotate-credential";
import { changeMemberRole } from "@/lib/services/users/change-member-role";
import { updateRateLimits } from "@/lib/services/workspaces/update-rate-limits";

const RESOURCE = "http://localhost/api/v1/mcp";
type Instance = { cache: ReturnType<typeof createAuthCache>; store: CounterStore };
const instance = (store: CounterStore): Instance => ({ cache: createAuthCache(), store });
let ws: TestWorkspace;
let a: Instance;
let b: Instance;

beforeAll(async () => {
  ws = await createTestWorkspace("cache");
  a = instance(createRedisStore(process.env.REDIS_URL!));
  b = instance(createRedisStore(process.env.REDIS_URL!));
  await new Promise((r) => setTimeout(r, 200));
});
afterAll(async () => {
  await prisma.workspace.update({ where: { id: ws.workspace.id }, data: { rateLimitOverrides: {} } });
});

/** One MCP request's authentication on an instance: which source served it, and the answer. */
async function request(on: Instance, token: string, limits: "on" | "off" = "on") {
  const verified = await on.cache.authenticate(token, { resource: RESOURCE, ip: "127.0.0.1" });
  if (!verified.ok) return { source: "database", ok: false, reason: verified.reason } as const;
  const { credential } = verified;
  const decision =
    limits === "on"
      ? await checkRateLimit(
          {
            identity: identityOf({
              userId: credential.userId,
              orgWorkspaceId: credential.orgLevel ? credential.workspaceId : null,
            }),
            limits: limitsFor(credential.planTier, credential.rateLimitOverrides),
            accessScope: credential.workspaceId,
          },
          on.store,
        )
      : null;
  const confirmed = await on.cache.confirm(verified, decision?.accessVersion);
  return confirmed.ok
    ? ({ source: verified.source, ok: true, credential: confirmed.credential } as const)
    : ({ source: verified.source, ok: false, reason: confirmed.reason } as const);
}

/** Requests on an instance until one is served from its cache. */
async function warm(on: Instance, token: string) {
  const sources = [];
  for (let i = 0; i < 3; i++) sources.push((await request(on, token)).source);
  expect(sources.at(-1)).toBe("cache");
  return sources;
}

describe("credentials cached on one instance, changed through another", () => {
  it("a token cached on A is refused on A's very next request after B revokes it", async () => {
    const token = await createPersonalToken(ws.agent);
    // The first request of a workspace learns its version; the second is kept under it; the third is served from the cache.
    expect(await warm(a, token.secret)).toEqual(["database", "database", "cache"]);
    expect(await request(a, token.secret)).toMatchObject({ source: "cache", ok: true });
    // B revokes (the service announces the change through the shared store).
    await revokeCredential(ws.agent, { id: token.id });
    const next = await request(a, token.secret);
    expect(next).toMatchObject({ source: "cache", ok: false, reason: "invalid" });
    expect(await request(a, token.secret)).toMatchObject({ source: "database", ok: false });
    expect(await request(b, token.secret)).toMatchObject({ ok: false });
  });

  it("an org-level key cached on A is refused on A's next request after B revokes it", async () => {
    const key = await createApiKey(ws.admin, { name: "cached", org_level: true });
    await warm(a, key.secret);
    await revokeCredential(ws.admin, { id: key.id });
    expect(await request(a, key.secret)).toMatchObject({ ok: false, reason: "invalid" });
  });

  it("a role changed through B applies to A's next request", async () => {
    const token = await createPersonalToken(ws.agent2);
    await warm(a, token.secret);
    expect(await request(a, token.secret)).toMatchObject({ source: "cache", credential: { role: "agent" } });
    await changeMemberRole(ws.owner, { user_id: ws.users.agent2, role: "admin" });
    expect(await request(a, token.secret)).toMatchObject({ ok: true, credential: { role: "admin" } });
    await changeMemberRole(ws.owner, { user_id: ws.users.agent2, role: "agent" });
    expect(await request(a, token.secret)).toMatchObject({ ok: true, credential: { role: "agent" } });
  });

  it("new workspace limits reach A's next request", async () => {
    const token = await createPersonalToken(ws.admin);
    await warm(a, token.secret);
    await updateRateLimits(ws.owner, { perMinute: 1234 });
    const next = await request(a, token.secret);
    expect(next).toMatchObject({ ok: true, credential: { rateLimitOverrides: { perMinute: 1234 } } });
  });
});

describe("rotation, cached on one instance, done through another", () => {
  it("with no overlap, the old secret cached on A is refused on A's very next request", async () => {
    const key = await createApiKey(ws.admin, { name: "rotated-now", org_level: true });
    await warm(a, key.secret);
    const rotated = await rotateCredential(ws.admin, { id: key.id, overlap: "none" });
    expect(await request(a, key.secret)).toMatchObject({ source: "cache", ok: false, reason: "invalid" });
    expect(await request(b, key.secret)).toMatchObject({ ok: false });
    expect(await request(a, rotated.secret)).toMatchObject({ ok: true, credential: { id: key.id } });
  });

  it("during the overlap A serves the old secret, and refuses it once B ends the overlap", async () => {
    const token = await createPersonalToken(ws.agent);
    const rotated = await rotateCredential(ws.agent, { id: token.id, overlap: "1h" });
    await warm(a, token.secret);
    expect(await request(a, token.secret)).toMatchObject({ source: "cache", ok: true });
    await revokePreviousSecret(ws.agent, { id: token.id });
    expect(await request(a, token.secret)).toMatchObject({ ok: false, reason: "invalid" });
    expect(await request(a, rotated.secret)).toMatchObject({ ok: true });
  });

  it("a cached old secret is not served past its overlap's end, with no access change to announce it", async () => {
    const token = await createPersonalToken(ws.agent2);
    await rotateCredential(ws.agent2, { id: token.id, overlap: "1h" });
    await prisma.credential.update({
      where: { id: token.id },
      data: { previousExpiresAt: new Date(Date.now() + 1500) },
    });
    // Another change moves the version, so A keeps the old secret with the overlap end the row now holds.
    await revokeCredential(ws.owner, { id: (await createPersonalToken(ws.agent)).id });
    await warm(a, token.secret);
    await new Promise((r) => setTimeout(r, 1700));
    expect(await request(a, token.secret)).toMatchObject({ source: "database", ok: false, reason: "invalid" });
  });
});

describe("when the version cannot be read, nothing cached is trusted", () => {
  it("a cached entry is checked against the database when limits are off", async () => {
    const token = await createPersonalToken(ws.agent);
    await warm(a, token.secret);
    // Revoked behind the services' back: no version changes, so only the database can tell.
    await prisma.credential.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    expect(await request(a, token.secret)).toMatchObject({ source: "cache", ok: true });
    expect(await request(a, token.secret, "off")).toMatchObject({ source: "cache", ok: false, reason: "invalid" });
  });

  it("a cached entry is checked against the database when Redis cannot be reached", async () => {
    const down = { cache: a.cache, store: createRedisStore(`redis://127.0.0.1:${await freePort()}`) };
    const token = await createPersonalToken(ws.agent);
    await warm(a, token.secret);
    await prisma.credential.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    expect(await request(down, token.secret)).toMatchObject({ source: "cache", ok: false, reason: "invalid" });
  });

  it("an expired credential is never served from the cache", async () => {
    const token = await createPersonalToken(ws.agent);
    await warm(a, token.secret);
    await prisma.credential.update({ where: { id: token.id }, data: { expiresAt: new Date(Date.now() + 300) } });
    // The cached entry still holds the old expiry: the row's new one takes effect once the version changes.
    await revokeCredential(ws.owner, { id: (await createPersonalToken(ws.agent2)).id });
    await warm(a, token.secret);
    await new Promise((r) => setTimeout(r, 400));
    expect(await request(a, token.secret)).toMatchObject({ source: "database", ok: false, reason: "expired" });
  });
});
