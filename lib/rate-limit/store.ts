import "server-only";
import { Ratelimit } from "@upstash/ratelimit";
import { Redis as UpstashRedis } from "@upstash/redis";
import { createHash, randomUUID } from "node:crypto";
import Redis from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { getEnv } from "@/lib/env";

// The counter store behind every limit: in-process memory by default, Redis
// when REDIS_URL is set, Upstash when its REST URL and token are (both shared
// by every instance). A shared-store call that fails or outlasts its deadline
// (storeTimeoutMs) falls back to an in-memory insurance limiter: the limiter
// fails open, but keeps a local limit rather than none, and says so once per
// outage.

export type Hit = { allowed: boolean; remaining: number; resetMs: number };

/**
 * One window of a request's limit: its key, how many requests it allows, how long it lasts. A
 * calendar window (the month) carries its period in the key and ends at `resetAtMs`, so its counter
 * expires then rather than a fixed length after its first request.
 */
export type WindowSpec = { key: string; points: number; durationS: number; resetAtMs?: number };

export type HitAll = {
  /**
   * The window that decides: the first that refused (then `hit.allowed` is false and no window
   * counted the request), else the one with the least of its limit left (the first of equals).
   */
  deciding: number;
  /** That window's state: with this request counted, or, when refused, as it was without it. */
  hit: Hit;
  /** The access version of `versionScope` (see hitAll), or null when the store keeps none or was not reached. */
  version: string | null;
};

export interface CounterStore {
  readonly kind: "memory" | "redis" | "upstash";
  hit(key: string, points: number, durationS: number): Promise<Hit>;
  /**
   * Counts one request in every window or in none: a request that any window
   * refuses leaves every count as it was. On Redis and Upstash this is one
   * script, one round trip, which also reads the access version of
   * `versionScope` (a workspace id) when one is given.
   */
  hitAll(windows: readonly WindowSpec[], versionScope?: string): Promise<HitAll>;
  /**
   * Gives each scope a new access version, so that whatever was cached under
   * the old one is no longer trusted. False when the store keeps no versions
   * or could not be reached.
   */
  bumpVersions(scopes: readonly string[]): Promise<boolean>;
  /** What is left in a window without using any of it. */
  peek(key: string, points: number, durationS: number): Promise<{ remaining: number; resetMs: number }>;
  /** Forgets what a window has counted (a sign-in that succeeds clears its failures). */
  reset(key: string, points: number, durationS: number): Promise<void>;
  /**
   * Keeps a short-lived value (who is on which ticket) for `ttlS` seconds, shared by every
   * instance like the counts. A shared store that cannot be reached keeps it in this process.
   */
  setValue(key: string, value: string, ttlS: number): Promise<void>;
  /** The values under some keys, in order; null where there is none or it has expired. */
  getValues(keys: readonly string[]): Promise<(string | null)[]>;
}

/** Short-lived values in this process: each expires by its own deadline, swept as the map grows. */
function memoryValues() {
  const values = new Map<string, { value: string; until: number }>();
  let sweepAt = 1_000;
  return {
    set(key: string, value: string, ttlS: number) {
      const now = Date.now();
      values.set(key, { value, until: now + ttlS * 1000 });
      if (values.size >= sweepAt) {
        for (const [k, v] of values) if (v.until <= now) values.delete(k);
        sweepAt = Math.max(1_000, values.size * 2);
      }
    },
    get(keys: readonly string[]) {
      const now = Date.now();
      return keys.map((key) => {
        const held = values.get(key);
        return held && held.until > now ? held.value : null;
      });
    },
  };
}

const valueKey = (key: string) => `deskbridge:kv:${key}`;

async function peekWith(limiter: RateLimiterAbstract, key: string, points: number, durationS: number) {
  const res = await limiter.get(key).catch(() => null);
  return res
    ? { remaining: Math.max(0, points - res.consumedPoints), resetMs: res.msBeforeNext }
    : { remaining: points, resetMs: durationS * 1000 };
}

/**
 * How long a shared store may take before the limiter stops waiting: 250 ms
 * for Redis over TCP, 500 ms for Upstash's REST API over HTTPS;
 * RATE_LIMIT_STORE_TIMEOUT_MS sets both. A store that is down refuses at
 * once; the deadline only bounds a hung one. It sits well above the event
 * loop's stalls under load, when a reply already received would otherwise
 * be timed out and the request let through on a local count.
 */
function storeTimeoutMs(fallback: number) {
  return getEnv().RATE_LIMIT_STORE_TIMEOUT_MS ?? fallback;
}

/**
 * hitAll in one round trip. KEYS: the windows' counters, then the access
 * version when one is asked for. ARGV: the number of windows, then each
 * window's limit and length in ms. Every window is read first; only when all
 * have room is each counted (a new counter expires with its window), so a
 * refused request changes nothing and there is nothing to give back. A
 * missing version is created from the server's clock, so a version lost with
 * the data is never one that was handed out before. Only the deciding window
 * (the refusing one, else the one with the smallest share of its limit left)
 * is asked how long it lives. Returns: the 1-based index of the first window
 * that refused (0: none), the version ("" when not asked for), the 1-based
 * index of the deciding window, its count and its milliseconds left.
 */
export const HIT_ALL_SCRIPT = `
local n = tonumber(ARGV[1])
local stored = redis.call('MGET', unpack(KEYS))
local counts = {}
local refused = 0
for i = 1, n do
  counts[i] = tonumber(stored[i] or '0')
  if refused == 0 and counts[i] >= tonumber(ARGV[2 * i]) then refused = i end
end
local version = ''
if #KEYS > n then
  version = stored[n + 1]
  if not version then
    local now = redis.call('TIME')
    version = 'v' .. now[1] .. '.' .. now[2]
    redis.call('SET', KEYS[n + 1], version)
  end
end
local deciding = refused
if refused == 0 then
  local least = 2
  for i = 1, n do
    local limit = tonumber(ARGV[2 * i])
    counts[i] = redis.call('INCR', KEYS[i])
    if counts[i] == 1 then redis.call('PEXPIRE', KEYS[i], ARGV[2 * i + 1]) end
    local share = (limit - counts[i]) / limit
    if share < least then
      least = share
      deciding = i
    end
  end
end
local ttl = redis.call('PTTL', KEYS[deciding])
if ttl == -1 then
  redis.call('PEXPIRE', KEYS[deciding], ARGV[2 * deciding + 1])
  ttl = tonumber(ARGV[2 * deciding + 1])
end
return {refused, version, deciding, counts[deciding], ttl}
`;
const HIT_ALL_SHA = createHash("sha1").update(HIT_ALL_SCRIPT).digest("hex");

const versionKey = (scope: string) => `deskbridge:access:${scope}`;
const newVersion = () => `v${randomUUID()}`;

/** The script's arguments for some windows, under each window's key in the store. */
function hitAllArgs(windows: readonly WindowSpec[], keyOf: (w: WindowSpec) => string, versionScope?: string) {
  const now = Date.now();
  const keys: string[] = [];
  const args: string[] = [String(windows.length)];
  for (const w of windows) {
    keys.push(keyOf(w));
    args.push(String(w.points), String(lifetimeMs(w, now)));
  }
  if (versionScope) keys.push(versionKey(versionScope));
  return { keys, args };
}

/** How long a window's counter lives from its first request: its length, or until its calendar period ends. */
function lifetimeMs(w: WindowSpec, now: number): number {
  return w.resetAtMs ? Math.max(1, w.resetAtMs - now) : w.durationS * 1000;
}

function fromHitAllReply(
  reply: unknown,
  windows: readonly WindowSpec[],
  resetMsOf: (w: WindowSpec, ttlMs: number) => number,
): HitAll {
  const [refused, version, deciding, count, ttl] = reply as [number, string, number, number, number];
  const w = windows[deciding - 1]!;
  return {
    deciding: deciding - 1,
    hit: { allowed: refused === 0, remaining: Math.max(0, w.points - count), resetMs: resetMsOf(w, ttl) },
    version: version || null,
  };
}

const isNoScript = (error: unknown) => error instanceof Error && /NOSCRIPT/i.test(error.message);

function toHit(res: RateLimiterRes, points: number, allowed: boolean): Hit {
  return { allowed, remaining: Math.max(0, points - res.consumedPoints), resetMs: res.msBeforeNext };
}

async function consume(limiter: RateLimiterAbstract, key: string, points: number): Promise<Hit> {
  try {
    return toHit(await limiter.consume(key, 1), points, true);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return toHit(rejection, points, false);
    throw rejection;
  }
}

/**
 * hitAll on in-process limiters: counts window after window and, when one
 * refuses, gives back what this request counted, each window once (the
 * refusing one included), so a refused request counts nowhere.
 */
async function hitAllIn(
  limiterFor: (points: number, duration: number) => RateLimiterAbstract,
  windows: readonly WindowSpec[],
): Promise<HitAll> {
  const hits: Hit[] = [];
  for (const [index, w] of windows.entries()) {
    const limiter = limiterFor(w.points, w.durationS);
    const hit = await consume(limiter, w.key, w.points);
    if (hit.allowed) {
      hits.push(hit);
      continue;
    }
    const counted = windows.slice(0, index + 1);
    await Promise.all(counted.map((c) => limiterFor(c.points, c.durationS).reward(c.key, 1)));
    return { deciding: index, hit, version: null };
  }
  let deciding = 0;
  hits.forEach((hit, i) => {
    const least = hits[deciding]!;
    if (hit.remaining / windows[i]!.points < least.remaining / windows[deciding]!.points) deciding = i;
  });
  return { deciding, hit: hits[deciding]!, version: null };
}

/**
 * In memory a counter expires by a timer, and Node's timers hold at most 24.8 days: a longer window
 * (the month) would expire at once. Its keys name their period (see WindowSpec), so its counters are
 * kept without a timer instead, one per workspace and month.
 */
const LONGEST_TIMER_S = 24 * 86_400;

function memoryLimiters() {
  const cache = new Map<string, RateLimiterMemory>();
  return (points: number, duration: number) => {
    const id = `${points}/${duration}`;
    let limiter = cache.get(id);
    if (!limiter)
      cache.set(
        id,
        (limiter = new RateLimiterMemory({
          points,
          duration: duration > LONGEST_TIMER_S ? 0 : duration,
          keyPrefix: `rl${id}`,
        })),
      );
    return limiter;
  };
}

export function createMemoryStore(): CounterStore {
  const limiterFor = memoryLimiters();
  const values = memoryValues();
  return {
    kind: "memory",
    hit: (key, points, duration) => consume(limiterFor(points, duration), key, points),
    hitAll: (windows) => hitAllIn(limiterFor, windows),
    // One process has no one to tell: callers verify from the database when the version is unknown.
    bumpVersions: async () => false,
    peek: (key, points, duration) => peekWith(limiterFor(points, duration), key, points, duration),
    reset: async (key, points, duration) => void (await limiterFor(points, duration).delete(key)),
    setValue: async (key, value, ttlS) => values.set(key, value, ttlS),
    getValues: async (keys) => values.get(keys),
  };
}

export function createRedisStore(url: string): CounterStore {
  const client = new Redis(url, {
    // One deadline for the connection rather than a timer per command: when no reply arrives for
    // this long while commands wait, the connection is taken for hung, its waiting commands fail (each
    // falls back to the insurance limit) and it reconnects; until it is ready again, checks go straight
    // to the insurance limit instead of each waiting out the deadline.
    socketTimeout: storeTimeoutMs(250),
    connectTimeout: 1_000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    lazyConnect: false,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  let warned = false;
  client.on("error", (error: Error) => {
    if (!warned) {
      warned = true;
      console.warn(
        `[deskbridge] rate-limit store unreachable (${error.message}); failing open with in-memory limits until it is back`,
      );
    }
  });
  client.on("ready", () => {
    if (warned) {
      warned = false;
      console.warn("[deskbridge] rate-limit store reachable again; shared limits apply");
    }
  });
  const insuranceFor = memoryLimiters();
  const localValues = memoryValues();
  const cache = new Map<string, RateLimiterRedis>();
  const limiterFor = (points: number, duration: number) => {
    const id = `${points}/${duration}`;
    let limiter = cache.get(id);
    if (!limiter) {
      limiter = new RateLimiterRedis({
        storeClient: client,
        points,
        duration,
        keyPrefix: `deskbridge:rl:${id}`,
        rejectIfRedisNotReady: true,
        insuranceLimiter: insuranceFor(points, duration),
      });
      cache.set(id, limiter);
    }
    return limiter;
  };
  const whenReady = () =>
    client.status === "ready"
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => {
            client.off("ready", ready);
            reject(new Error("not ready"));
          }, 1_000);
          const ready = () => {
            clearTimeout(timer);
            resolve();
          };
          client.once("ready", ready);
        });
  // A value is worth a short wait while a fresh process connects (others would not see it), never during an outage.
  const valuesReachable = () =>
    client.status === "ready"
      ? Promise.resolve(true)
      : client.status === "connecting" || client.status === "connect"
        ? whenReady().then(
            () => true,
            () => false,
          )
        : Promise.resolve(false);
  // The same keys and counts as the RateLimiterRedis windows above, so hit, hitAll and peek agree.
  const keyOf = (w: WindowSpec) => `deskbridge:rl:${w.points}/${w.durationS}:${w.key}`;
  const runScript = (keys: string[], args: string[]) =>
    client
      .evalsha(HIT_ALL_SHA, keys.length, ...keys, ...args)
      .catch((error: unknown) =>
        isNoScript(error) ? client.eval(HIT_ALL_SCRIPT, keys.length, ...keys, ...args) : Promise.reject(error),
      );
  const resetMsOf = (w: WindowSpec, ttl: number) => (ttl >= 0 ? ttl : w.durationS * 1000);
  return {
    kind: "redis",
    hit: (key, points, duration) => consume(limiterFor(points, duration), key, points),
    hitAll(windows, versionScope) {
      if (client.status !== "ready") return hitAllIn(insuranceFor, windows);
      const { keys, args } = hitAllArgs(windows, keyOf, versionScope);
      return runScript(keys, args).then(
        (reply) => fromHitAllReply(reply, windows, resetMsOf),
        () => hitAllIn(insuranceFor, windows),
      );
    },
    async bumpVersions(scopes) {
      if (!scopes.length) return true;
      // Unlike a count, a bump is worth waiting for while the connection comes up (a fresh process, a reconnect).
      return whenReady()
        .then(() => client.mset(...scopes.flatMap((scope) => [versionKey(scope), newVersion()])))
        .then(() => true)
        .catch(() => false);
    },
    peek: (key, points, duration) => peekWith(limiterFor(points, duration), key, points, duration),
    // A store that cannot be reached keeps its count; the window still expires on its own.
    reset: async (key, points, duration) =>
      void (await limiterFor(points, duration)
        .delete(key)
        .catch(() => false)),
    async setValue(key, value, ttlS) {
      localValues.set(key, value, ttlS);
      if (!(await valuesReachable())) return;
      await client.set(valueKey(key), value, "PX", Math.max(1, Math.round(ttlS * 1000))).catch(() => undefined);
    },
    async getValues(keys) {
      if (!keys.length) return [];
      if (!(await valuesReachable())) return localValues.get(keys);
      return client.mget(...keys.map(valueKey)).catch(() => localValues.get(keys));
    },
  };
}

/**
 * Upstash (Redis over REST, the usual choice on serverless hosts) through
 * @upstash/ratelimit's fixed windows. Its own timeout lets requests through;
 * here a timeout or an error falls back to the in-memory insurance instead.
 */
export function createUpstashStore(url: string, token: string): CounterStore {
  const redis = new UpstashRedis({
    url,
    token,
    responseEncoding: false,
    enableTelemetry: false,
    retry: { retries: 0 },
  });
  const insuranceFor = memoryLimiters();
  const localValues = memoryValues();
  const timeout = storeTimeoutMs(500);
  let warned = false;
  const cache = new Map<string, Ratelimit>();
  const limiterFor = (points: number, duration: number) => {
    const id = `${points}/${duration}`;
    let limiter = cache.get(id);
    if (!limiter) {
      limiter = new Ratelimit({
        redis,
        limiter: Ratelimit.fixedWindow(points, `${duration} s`),
        prefix: `deskbridge:up:${id}`,
        timeout,
        analytics: false,
      });
      cache.set(id, limiter);
    }
    return limiter;
  };
  const warnDown = (reason: string) => {
    if (!warned) {
      warned = true;
      console.warn(
        `[deskbridge] rate-limit store unreachable (${reason}); failing open with in-memory limits until it is back`,
      );
    }
  };
  const noteUp = () => {
    if (warned) {
      warned = false;
      console.warn("[deskbridge] rate-limit store reachable again; shared limits apply");
    }
  };
  const fallBack = (key: string, points: number, duration: number, reason: string) => {
    warnDown(reason);
    return consume(insuranceFor(points, duration), key, points);
  };
  // @upstash/ratelimit's fixed-window keys: its prefix, the identifier, and the window's number since the epoch.
  // A calendar window's key already names its period, so it needs no bucket.
  const bucketOf = (w: WindowSpec, now: number) => Math.floor(now / (w.durationS * 1000));
  const upstashKeyOf = (w: WindowSpec, now: number) =>
    w.resetAtMs
      ? `deskbridge:up:${w.points}/${w.durationS}:${w.key}`
      : `deskbridge:up:${w.points}/${w.durationS}:${w.key}:${bucketOf(w, now)}`;
  const upstashResetMs = (w: WindowSpec, now: number) =>
    w.resetAtMs ? w.resetAtMs - now : (bucketOf(w, now) + 1) * w.durationS * 1000 - now;
  const withTimeout = <T>(promise: Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("timeout")), timeout);
      promise.then(resolve, reject).finally(() => clearTimeout(timer));
    });
  const evalHitAll = async (keys: string[], args: string[]) => {
    try {
      return await redis.evalsha(HIT_ALL_SHA, keys, args);
    } catch (error) {
      if (!isNoScript(error)) throw error;
      return redis.eval(HIT_ALL_SCRIPT, keys, args);
    }
  };
  return {
    kind: "upstash",
    async hitAll(windows, versionScope) {
      const now = Date.now();
      const keyOf = (w: WindowSpec) => upstashKeyOf(w, now);
      const { keys, args } = hitAllArgs(windows, keyOf, versionScope);
      try {
        const reply = await withTimeout(evalHitAll(keys, args));
        noteUp();
        return fromHitAllReply(reply, windows, (w) => upstashResetMs(w, now));
      } catch (error) {
        warnDown(error instanceof Error ? error.message : "error");
        return hitAllIn(insuranceFor, windows);
      }
    },
    async bumpVersions(scopes) {
      if (!scopes.length) return true;
      return withTimeout(redis.mset(Object.fromEntries(scopes.map((scope) => [versionKey(scope), newVersion()]))))
        .then(() => true)
        .catch(() => false);
    },
    async hit(key, points, duration) {
      try {
        const result = await limiterFor(points, duration).limit(key);
        if (result.reason === "timeout") return fallBack(key, points, duration, "timeout");
        noteUp();
        return {
          allowed: result.success,
          remaining: Math.max(0, result.remaining),
          resetMs: Math.max(0, result.reset - Date.now()),
        };
      } catch (error) {
        return fallBack(key, points, duration, error instanceof Error ? error.message : "error");
      }
    },
    async peek(key, points, duration) {
      try {
        const result = await limiterFor(points, duration).getRemaining(key);
        return { remaining: Math.max(0, result.remaining), resetMs: Math.max(0, result.reset - Date.now()) };
      } catch {
        return peekWith(insuranceFor(points, duration), key, points, duration);
      }
    },
    async reset(key, points, duration) {
      await insuranceFor(points, duration).delete(key);
      await limiterFor(points, duration)
        .resetUsedTokens(key)
        .catch(() => undefined);
    },
    async setValue(key, value, ttlS) {
      localValues.set(key, value, ttlS);
      await withTimeout(redis.set(valueKey(key), value, { px: Math.max(1, Math.round(ttlS * 1000)) })).catch(
        (error: unknown) => warnDown(error instanceof Error ? error.message : "error"),
      );
    },
    async getValues(keys) {
      if (!keys.length) return [];
      try {
        const read = await withTimeout(redis.mget<unknown[]>(...keys.map(valueKey)));
        // The REST client reads JSON values back as objects: hand them on as the text that was stored.
        return read.map((v) => (v === null || v === undefined ? null : typeof v === "string" ? v : JSON.stringify(v)));
      } catch {
        return localValues.get(keys);
      }
    },
  };
}

const globalStore = globalThis as unknown as { deskbridgeCounterStore?: CounterStore };

/** The process's store, chosen by the environment once. */
export function counterStore(): CounterStore {
  const { UPSTASH_REDIS_REST_URL: upstashUrl, UPSTASH_REDIS_REST_TOKEN: upstashToken, REDIS_URL: redisUrl } = getEnv();
  globalStore.deskbridgeCounterStore ??=
    upstashUrl && upstashToken
      ? createUpstashStore(upstashUrl, upstashToken)
      : redisUrl
        ? createRedisStore(redisUrl)
        : createMemoryStore();
  return globalStore.deskbridgeCounterStore;
}
