import { describe, expect, it } from "vitest";
import { createAuthCache } from "@/lib/credentials/auth-cache";
import { generateToken } from "@/lib/credentials/token-format";
import type { BearerResult, VerifiedCredential } from "@/lib/credentials/verify-bearer";

const RESOURCE = "http://localhost/api/v1/mcp";
const credential = (over: Partial<VerifiedCredential> = {}): VerifiedCredential => ({
  kind: "personal_token",
  id: "cred-1",
  name: "token",
  workspaceId: "ws-1",
  planTier: "starter",
  rateLimitOverrides: {},
  userId: "user-1",
  role: "agent",
  scopes: ["mcp:read"],
  toolsets: [],
  draftsOnly: false,
  confirmation: { required: false, bulkOver: 10, byCredential: false },
  orgLevel: false,
  expiresAt: null,
  seats: 1,
  governance: null,
  lockdown: false,
  ipAllowList: [],
  ...over,
});

/** A stand-in for the database: answers what `rows` holds now, and counts its lookups. */
function database(rows: Map<string, VerifiedCredential>) {
  const db = {
    lookups: 0,
    // Set to hold a lookup's answer (read when it began) until released, as a slow query would.
    gate: null as Promise<void> | null,
    verify: async (token: string): Promise<BearerResult> => {
      db.lookups++;
      const row = rows.get(token);
      if (db.gate) await db.gate;
      return row
        ? { ok: true, credential: row, lastUse: { at: new Date(), ip: null } }
        : { ok: false, reason: "invalid" };
    },
  };
  return db;
}

async function call(cache: ReturnType<typeof createAuthCache>, token: string, version: string | null) {
  const verified = await cache.authenticate(token, { resource: RESOURCE });
  const confirmed = await cache.confirm(verified, version);
  return { source: verified.ok ? verified.source : "database", ...confirmed };
}

describe("credential cache", () => {
  it("serves a credential from the cache only while the version it was kept under holds", async () => {
    const token = generateToken("personal_token");
    const rows = new Map([[token, credential()]]);
    const db = database(rows);
    const cache = createAuthCache({ verify: db.verify });
    expect((await call(cache, token, "v1")).source).toBe("database");
    expect((await call(cache, token, "v1")).source).toBe("database");
    expect(await call(cache, token, "v1")).toMatchObject({ source: "cache", ok: true });
    expect(db.lookups).toBe(2);
    rows.set(token, credential({ role: "admin" }));
    expect(await call(cache, token, "v1")).toMatchObject({ source: "cache", credential: { role: "agent" } });
    expect(await call(cache, token, "v2")).toMatchObject({ source: "cache", credential: { role: "admin" } });
    expect(db.lookups).toBe(3);
    expect(await call(cache, token, "v2")).toMatchObject({ source: "cache", credential: { role: "admin" } });
    expect(db.lookups).toBe(3);
  });

  it("asks the database when the version is unknown", async () => {
    const token = generateToken("personal_token");
    const rows = new Map([[token, credential()]]);
    const db = database(rows);
    const cache = createAuthCache({ verify: db.verify });
    for (let i = 0; i < 3; i++) await call(cache, token, "v1");
    rows.delete(token);
    expect(await call(cache, token, null)).toMatchObject({ source: "cache", ok: false, reason: "invalid" });
  });

  it("never keeps a lookup that began before a version it did not see", async () => {
    const token = generateToken("personal_token");
    const other = generateToken("personal_token");
    const rows = new Map([
      [token, credential()],
      [other, credential({ id: "cred-2" })],
    ]);
    const db = database(rows);
    const cache = createAuthCache({ verify: db.verify });
    await call(cache, other, "v1");
    // A lookup reads the row while it is still valid...
    let release!: () => void;
    db.gate = new Promise((r) => (release = r));
    const slow = call(cache, token, "v2");
    // ...the credential is revoked and the version bumped, which another request sees first...
    rows.delete(token);
    db.gate = null;
    await call(cache, other, "v2");
    release();
    // ...so the slow lookup's answer, though confirmed under v2, is used once and not kept.
    expect(await slow).toMatchObject({ ok: true });
    expect(await call(cache, token, "v2")).toMatchObject({ source: "database", ok: false });
  });

  it("honours the credential's expiry and a bound on its size", async () => {
    const soon = generateToken("personal_token");
    const tokens = [generateToken("personal_token"), generateToken("personal_token")];
    const rows = new Map([
      [soon, credential({ expiresAt: new Date(Date.now() + 50) })],
      ...tokens.map((t, i) => [t, credential({ id: `cred-${i}` })] as const),
    ]);
    const db = database(rows);
    const cache = createAuthCache({ verify: db.verify, maxEntries: 2 });
    for (let i = 0; i < 2; i++) await call(cache, soon, "v1");
    expect((await call(cache, soon, "v1")).source).toBe("cache");
    await new Promise((r) => setTimeout(r, 60));
    expect((await call(cache, soon, "v1")).source).toBe("database");
    for (const t of tokens) await call(cache, t, "v1");
    expect(cache.size).toBe(2);
  });

  it("stops serving a rotated-away secret from the cache when its overlap ends, with no access change", async () => {
    const old = generateToken("personal_token");
    const rows = new Map([[old, credential({ secretEndsAt: new Date(Date.now() + 50) })]]);
    const db = database(rows);
    const cache = createAuthCache({ verify: db.verify });
    for (let i = 0; i < 2; i++) await call(cache, old, "v1");
    expect(await call(cache, old, "v1")).toMatchObject({ source: "cache", ok: true });
    // The overlap ends: the database refuses the old secret, and the same version no longer vouches for the entry.
    await new Promise((r) => setTimeout(r, 60));
    rows.delete(old);
    expect(await call(cache, old, "v1")).toMatchObject({ source: "database", ok: false, reason: "invalid" });
  });
});
