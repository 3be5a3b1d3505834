import "server-only";
import { hashToken, parseToken } from "@/lib/credentials/token-format";
import {
  recordUse,
  lastUseIsStale,
  verifyBearer,
  type BearerFailure,
  type BearerResult,
  type LastUse,
  type VerifiedCredential,
} from "@/lib/credentials/verify-bearer";
import { counterStore, type CounterStore } from "@/lib/rate-limit/store";

// Verified bearer credentials kept in process, trusted only while their
// workspace's access version is the one they were stored under. The version
// lives in the shared store beside the limiter's counters and comes back from
// the limiter's one round trip (checkRateLimit with `accessScope`), so a
// request runs:
//
//   const verified = await authenticateBearer(token, { resource, ip }); // cache, else database
//   … checkRateLimit({ …, accessScope: verified.credential.workspaceId }) → decision …
//   const confirmed = await confirmBearer(verified, decision?.accessVersion); // database again unless the version matches
//
// Every change to whether a credential is valid or what it may do calls
// announceAccessChange after its transaction commits, which gives the
// workspace a new version: every instance's next request for it misses the
// version and verifies from the database. When the version is unknown (memory
// store, store unreachable, limits off) nothing cached is trusted.

export type Authentication =
  | BearerFailure
  | {
      ok: true;
      credential: VerifiedCredential;
      /** Where this credential came from; a cached one is only used once confirmBearer trusts it. */
      source: "cache" | "database";
      /** @internal the step confirmBearer takes. */
      confirm: (accessVersion: string | null) => Promise<BearerResult>;
    };

export type AuthCacheOptions = {
  /** How many credentials are kept; the least recently used go first. */
  maxEntries?: number;
  /**
   * The longest an entry is kept whatever its version, a bound for the one
   * case versions cannot cover: an access change whose bump never reached the
   * store while other instances still could.
   */
  maxAgeMs?: number;
  /** The database verification (the app's verifyBearer). */
  verify?: typeof verifyBearer;
};

type Entry = {
  credential: VerifiedCredential;
  resource: string;
  version: string;
  storedAt: number;
  lastUse: LastUse | null;
};

export type AuthCache = {
  authenticate(token: string, options: { resource: string; ip?: string | null }): Promise<Authentication>;
  confirm(auth: Authentication, accessVersion: string | null | undefined): Promise<BearerResult>;
  /** Drops this process's entries of some workspaces. */
  forget(workspaceIds: readonly string[]): void;
  readonly size: number;
};

export function createAuthCache(options: AuthCacheOptions = {}): AuthCache {
  const maxEntries = options.maxEntries ?? 10_000;
  const maxAgeMs = options.maxAgeMs ?? 10 * 60_000;
  const verify = options.verify ?? verifyBearer;
  const entries = new Map<string, Entry>();
  // The first moment (in `clock` ticks) this process saw each workspace's current version.
  const seen = new Map<string, { version: string; at: number }>();
  let clock = 0;

  const bounded = <K, V>(map: Map<K, V>, key: K, value: V) => {
    map.delete(key);
    map.set(key, value);
    if (map.size > maxEntries) map.delete(map.keys().next().value!);
  };

  const observe = (workspaceId: string, version: string) => {
    clock++;
    if (seen.get(workspaceId)?.version !== version) bounded(seen, workspaceId, { version, at: clock });
  };

  /**
   * Verifies from the database and keeps the result under the version this
   * process saw before the read began: a change committed after that version
   * was read bumps it, so the entry cannot outlive it. With no such version
   * (the first request of a workspace, or one that changed meanwhile) the
   * result is used once and not kept.
   */
  const fromDatabase = async (
    tokenHash: string,
    token: string,
    resource: string,
    ip: string | null,
  ): Promise<{ result: BearerResult; keep: (accessVersion: string | null) => void }> => {
    const startedAt = clock;
    const result = await verify(token, { resource, ip });
    const keep = (accessVersion: string | null) => {
      if (!result.ok || !accessVersion) return;
      const known = seen.get(result.credential.workspaceId);
      if (known?.version !== accessVersion || known.at > startedAt) return;
      bounded(entries, tokenHash, {
        credential: result.credential,
        resource,
        version: accessVersion,
        storedAt: Date.now(),
        lastUse: result.lastUse ?? null,
      });
    };
    return { result, keep };
  };

  const usable = (entry: Entry, resource: string) =>
    entry.resource === resource &&
    Date.now() - entry.storedAt < maxAgeMs &&
    (!entry.credential.expiresAt || entry.credential.expiresAt.getTime() > Date.now()) &&
    // A replaced secret's overlap ends on its own clock, with no access change to announce it.
    (!entry.credential.secretEndsAt || entry.credential.secretEndsAt.getTime() > Date.now());

  return {
    async authenticate(token, { resource, ip = null }) {
      // Typos and foreign strings are refused by verifyBearer without a lookup; only well-formed tokens are hashed.
      if (!parseToken(token)) return verify(token, { resource, ip }) as Promise<BearerFailure>;
      const tokenHash = hashToken(token);
      const entry = entries.get(tokenHash);
      if (entry && usable(entry, resource)) {
        return {
          ok: true,
          credential: entry.credential,
          source: "cache",
          confirm: async (accessVersion) => {
            if (accessVersion) observe(entry.credential.workspaceId, accessVersion);
            if (accessVersion && accessVersion === entry.version && entries.get(tokenHash) === entry) {
              bounded(entries, tokenHash, entry);
              if (lastUseIsStale({ at: entry.lastUse?.at ?? null, ip: entry.lastUse?.ip ?? null }, ip))
                entry.lastUse = recordUse(entry.credential, ip);
              return { ok: true, credential: entry.credential, lastUse: entry.lastUse ?? undefined };
            }
            if (accessVersion) entries.delete(tokenHash);
            const { result, keep } = await fromDatabase(tokenHash, token, resource, ip);
            keep(accessVersion);
            return result;
          },
        };
      }
      if (entry) entries.delete(tokenHash);
      const { result, keep } = await fromDatabase(tokenHash, token, resource, ip);
      if (!result.ok) return result;
      return {
        ...result,
        source: "database",
        confirm: async (accessVersion) => {
          if (accessVersion) observe(result.credential.workspaceId, accessVersion);
          keep(accessVersion);
          return result;
        },
      };
    },

    async confirm(auth, accessVersion) {
      return auth.ok ? auth.confirm(accessVersion ?? null) : auth;
    },

    forget(workspaceIds) {
      const gone = new Set(workspaceIds);
      for (const [key, entry] of entries) if (gone.has(entry.credential.workspaceId)) entries.delete(key);
    },

    get size() {
      return entries.size;
    },
  };
}

// One cache per process, whichever bundle imports it.
const globalCache = globalThis as unknown as { deskbridgeAuthCache?: AuthCache };
const processCache = () => (globalCache.deskbridgeAuthCache ??= createAuthCache());

/** Step one of a request: the bearer's credential, from this process's cache or from the database. */
export function authenticateBearer(
  token: string,
  options: { resource: string; ip?: string | null },
): Promise<Authentication> {
  return processCache().authenticate(token, options);
}

/**
 * Step two, once the limiter has answered: the credential to act with. A
 * cached one is returned only when `accessVersion` (the limiter decision's)
 * is the one it was stored under; otherwise the database decides again.
 */
export function confirmBearer(auth: Authentication, accessVersion: string | null | undefined): Promise<BearerResult> {
  return processCache().confirm(auth, accessVersion);
}

/**
 * Call after the transaction that revoked a credential, deactivated a member,
 * changed a role, or changed a workspace's limits or OAuth policy has
 * committed: gives each workspace a new access version, so no instance trusts
 * what it cached before, and drops this process's entries at once.
 */
export async function announceAccessChange(
  workspaceIds: readonly string[],
  store: CounterStore = counterStore(),
): Promise<void> {
  const unique = [...new Set(workspaceIds)];
  if (!unique.length) return;
  processCache().forget(unique);
  if (store.kind === "memory") return;
  if ((await store.bumpVersions(unique)) || (await store.bumpVersions(unique))) return;
  console.warn(
    "[deskbridge] could not publish an access change to the rate-limit store; instances that still reach it may act on cached credentials for up to 10 minutes",
  );
}
