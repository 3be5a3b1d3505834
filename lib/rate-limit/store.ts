import "server-only";
import { Ratelimit } from "@upstash/ratelimit";
import { Redis as UpstashRedis } from "@upstash/redis";
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

export interface CounterStore {
  readonly kind: "memory" | "redis" | "upstash";
  hit(key: string, points: number, durationS: number): Promise<Hit>;
  /** What is left in a window without using any of it. */
  peek(key: string, points: number, durationS: number): Promise<{ remaining: number; resetMs: number }>;
  /** Forgets what a window has counted (a sign-in that succeeds clears its failures). */
  reset(key: string, points: number, durationS: number): Promise<void>;
}

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

function memoryLimiters() {
  const cache = new Map<string, RateLimiterMemory>();
  return (points: number, duration: number) => {
    const id = `${points}/${duration}`;
    let limiter = cache.get(id);
    if (!limiter) cache.set(id, (limiter = new RateLimiterMemory({ points, duration, keyPrefix: `rl${id}` })));
    return limiter;
  };
}

export function createMemoryStore(): CounterStore {
  const limiterFor = memoryLimiters();
  return {
    kind: "memory",
    hit: (key, points, duration) => consume(limiterFor(points, duration), key, points),
    peek: (key, points, duration) => peekWith(limiterFor(points, duration), key, points, duration),
    reset: async (key, points, duration) => void (await limiterFor(points, duration).delete(key)),
  };
}

export function createRedisStore(url: string): CounterStore {
  const client = new Redis(url, {
    commandTimeout: storeTimeoutMs(250),
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
  return {
    kind: "redis",
    hit: (key, points, duration) => consume(limiterFor(points, duration), key, points),
    peek: (key, points, duration) => peekWith(limiterFor(points, duration), key, points, duration),
    // A store that cannot be reached keeps its count; the window still expires on its own.
    reset: async (key, points, duration) =>
      void (await limiterFor(points, duration)
        .delete(key)
        .catch(() => false)),
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
  const fallBack = (key: string, points: number, duration: number, reason: string) => {
    if (!warned) {
      warned = true;
      console.warn(
        `[deskbridge] rate-limit store unreachable (${reason}); failing open with in-memory limits until it is back`,
      );
    }
    return consume(insuranceFor(points, duration), key, points);
  };
  return {
    kind: "upstash",
    async hit(key, points, duration) {
      try {
        const result = await limiterFor(points, duration).limit(key);
        if (result.reason === "timeout") return fallBack(key, points, duration, "timeout");
        if (warned) {
          warned = false;
          console.warn("[deskbridge] rate-limit store reachable again; shared limits apply");
        }
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
