import { z } from "zod";
import { parseIpRange, type IpRange } from "@/lib/rate-limit/ip-address";

// Environment, validated once at start-up. scripts/dev.ts fills DATABASE_URL and
// AUTH_SECRET for the embedded default; production sets them explicitly.
const EnvSchema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set: run `npm run dev`, or point it at PostgreSQL" })
    .startsWith("postgres", "DATABASE_URL must be a postgresql:// URL"),
  /** Size of the connection pool per process. */
  DATABASE_POOL_MAX: z.coerce
    .number({ error: "DATABASE_POOL_MAX must be a number of connections" })
    .int("DATABASE_POOL_MAX must be a whole number")
    .min(1, "DATABASE_POOL_MAX must be at least 1")
    .max(100, "DATABASE_POOL_MAX is at most 100")
    .default(10),
  /** Public origin of the app, without a path (the OAuth issuer and the MCP URL derive from it). */
  APP_URL: z.url({ error: "APP_URL must be a URL like https://desk.example.com" }).default("http://localhost:3000"),
  /** Redis for the rate-limit counters (shared by every instance); unset keeps them in process memory. */
  REDIS_URL: z.string({ error: "REDIS_URL must be a redis:// URL" }).optional(),
  /** Upstash's REST API for the counters instead (both set, it wins over REDIS_URL). */
  UPSTASH_REDIS_REST_URL: z.url({ error: "UPSTASH_REDIS_REST_URL must be a URL" }).optional(),
  UPSTASH_REDIS_REST_TOKEN: z.string({ error: "UPSTASH_REDIS_REST_TOKEN must be a string" }).optional(),
  /** How long the limiter waits on a shared store; unset, 250 ms for Redis and 500 ms for Upstash. */
  RATE_LIMIT_STORE_TIMEOUT_MS: z.coerce
    .number({ error: "RATE_LIMIT_STORE_TIMEOUT_MS must be a number of milliseconds" })
    .int("RATE_LIMIT_STORE_TIMEOUT_MS must be a whole number of milliseconds")
    .positive("RATE_LIMIT_STORE_TIMEOUT_MS must be above 0")
    .optional(),
  /** "off" switches the MCP rate limits off (the benchmark compares both in one run). */
  RATE_LIMITS: z.enum(["on", "off"], { error: 'RATE_LIMITS must be "on" or "off"' }).default("on"),
  /**
   * Signs session cookies (read by Auth.js itself), the pending authorization request and the consent
   * form's CSRF token. The embedded default generates one into .data/; production sets it.
   */
  AUTH_SECRET: z.string({ error: "AUTH_SECRET must be a string" }).optional(),
  /**
   * Further browser origins allowed to call the MCP endpoint (comma-separated; "*" allows any). The app's
   * own origin, and on a loopback install any loopback page, are always allowed.
   */
  MCP_ALLOWED_ORIGINS: z
    .string({ error: "MCP_ALLOWED_ORIGINS must be a comma-separated list of origins" })
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((origin) => origin.trim())
        .filter(Boolean),
    ),
  /** "1" serves the benchmark's baseline routes (app/api/bench/*); they answer 404 otherwise. */
  BENCH_ROUTES: z.enum(["0", "1"], { error: 'BENCH_ROUTES must be "0" or "1"' }).default("0"),
  /**
   * 32 random bytes, base64url: encrypts (AES-256-GCM) the few secrets the server must read back.
   * The embedded default generates one into .data/; production sets it.
   */
  SECRET_ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64url").length === 32, "SECRET_ENCRYPTION_KEY must be 32 bytes, base64url")
    .optional(),
  /**
   * Proxies whose X-Forwarded-For is believed (comma-separated CIDRs or addresses). None by default:
   * the client is the address of the connection itself.
   */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((value, ctx): IpRange[] => {
      const ranges: IpRange[] = [];
      for (const entry of value.split(",")) {
        if (!entry.trim()) continue;
        const range = parseIpRange(entry);
        if (range) ranges.push(range);
        else ctx.addIssue({ code: "custom", message: `"${entry.trim()}" is not an address or a CIDR range` });
      }
      return ranges;
    }),
  /**
   * Where job workers run: "in-app" (the default, so `npm run dev` runs them) or "off", for production
   * instances that leave the work to `npm run worker` processes.
   */
  JOB_WORKERS: z.enum(["in-app", "off"], { error: 'JOB_WORKERS must be "in-app" or "off"' }).default("in-app"),
  /**
   * Where outgoing mail goes: an smtp:// or smtps:// URL (user and password in it when the server
   * wants them). Unset, mail stays in the app's dev outbox, readable by admins in the app.
   */
  SMTP_URL: z
    .string()
    .regex(
      /^smtps?:\/\/[^\s]+$/,
      "SMTP_URL must be an smtp:// or smtps:// URL, like smtp://user:pass@mail.example.com:587",
    )
    .optional(),
  /** The sender of mail that no workspace setting names (the address part is used when a workspace sets only a name). */
  MAIL_FROM: z
    .string()
    .regex(
      /^[^<>\r\n]*<[^<>\s@]+@[^<>\s@]+>$|^[^<>\s@]+@[^<>\s@]+$/,
      'MAIL_FROM must be an address, like "Deskbridge <support@example.com>"',
    )
    .default("Deskbridge <support@deskbridge.localhost>"),
  /** "1" prints every SQL statement with its parameters and duration (bench:scale explains the slowest with it). */
  DATABASE_QUERY_LOG: z.enum(["0", "1"], { error: 'DATABASE_QUERY_LOG must be "0" or "1"' }).default("0"),
  NODE_ENV: z
    .enum(["development", "production", "test"], { error: "NODE_ENV must be development, production or test" })
    .default("development"),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (!cached) {
    const parsed = EnvSchema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
      throw new Error(`Invalid environment:\n  ${problems.join("\n  ")}`);
    }
    cached = { ...parsed.data, APP_URL: parsed.data.APP_URL.replace(/\/+$/, "") };
  }
  return cached;
}

/**
 * True only under the test runner. Test-only switches (reaching a loopback
 * test server) check it, so a production build, where Next fixes NODE_ENV to
 * "production", can never turn them on.
 */
export function isTestRun(): boolean {
  return process.env.NODE_ENV === "test";
}
