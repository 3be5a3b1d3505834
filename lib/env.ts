import { hkdfSync } from "node:crypto";
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
   * Where attachment files are kept on local disk (relative to the working directory); used unless
   * S3_BUCKET is set.
   */
  ATTACHMENTS_DIR: z.string({ error: "ATTACHMENTS_DIR must be a directory path" }).default(".data/attachments"),
  /** S3-compatible storage for attachments instead of local disk (AWS S3, MinIO, R2…); unset keeps them on disk. */
  S3_BUCKET: z.string({ error: "S3_BUCKET must be a bucket name" }).min(1, "S3_BUCKET must not be empty").optional(),
  /** The bucket's region; "us-east-1" unless set (most S3-compatible servers accept any). */
  S3_REGION: z.string({ error: "S3_REGION must be a region name" }).default("us-east-1"),
  /** The S3 API's address for an S3-compatible server (MinIO, R2…); unset uses AWS's own. */
  S3_ENDPOINT: z.url({ error: "S3_ENDPOINT must be a URL like http://127.0.0.1:9000" }).optional(),
  /** Access key pair for the bucket; unset, the AWS SDK's default chain (instance role, AWS_* variables) applies. */
  S3_ACCESS_KEY_ID: z.string({ error: "S3_ACCESS_KEY_ID must be a string" }).optional(),
  S3_SECRET_ACCESS_KEY: z.string({ error: "S3_SECRET_ACCESS_KEY must be a string" }).optional(),
  /** "1" addresses the bucket in the path (http://host/bucket/key), as MinIO and most local servers need. */
  S3_FORCE_PATH_STYLE: z.enum(["0", "1"], { error: 'S3_FORCE_PATH_STYLE must be "0" or "1"' }).default("0"),
  /**
   * "on" lets webhooks reach private and loopback addresses (and plain http), for a receiver on the
   * same machine or network. Off by default; `npm run dev` turns it on for the embedded database.
   */
  WEBHOOKS_ALLOW_PRIVATE_TARGETS: z
    .enum(["on", "off"], { error: 'WEBHOOKS_ALLOW_PRIVATE_TARGETS must be "on" or "off"' })
    .default("off"),
  /** Seconds before a failed webhook delivery is retried; each further retry waits about twice as long. */
  WEBHOOK_RETRY_DELAY_SECONDS: z.coerce
    .number({ error: "WEBHOOK_RETRY_DELAY_SECONDS must be a number of seconds" })
    .int("WEBHOOK_RETRY_DELAY_SECONDS must be a whole number of seconds")
    .min(1, "WEBHOOK_RETRY_DELAY_SECONDS must be at least 1")
    .max(3600, "WEBHOOK_RETRY_DELAY_SECONDS is at most 3600")
    .default(30),
  /** Failed delivery attempts in a row after which a webhook endpoint is turned off and its admins told. */
  WEBHOOK_FAILURE_LIMIT: z.coerce
    .number({ error: "WEBHOOK_FAILURE_LIMIT must be a number of attempts" })
    .int("WEBHOOK_FAILURE_LIMIT must be a whole number")
    .min(1, "WEBHOOK_FAILURE_LIMIT must be at least 1")
    .max(1000, "WEBHOOK_FAILURE_LIMIT is at most 1000")
    .default(10),
  /**
   * Port of the inbound SMTP receiver, which the process running the job workers starts (the web
   * server with JOB_WORKERS=in-app, else `npm run worker`). Unset: no receiver (the production
   * default); `npm run dev` on the embedded default sets 2525.
   */
  INBOUND_SMTP_PORT: z.coerce
    .number({ error: "INBOUND_SMTP_PORT must be a port number" })
    .int("INBOUND_SMTP_PORT must be a whole number")
    .min(1, "INBOUND_SMTP_PORT must be 1 to 65535")
    .max(65_535, "INBOUND_SMTP_PORT must be 1 to 65535")
    .optional(),
  /** Address the inbound SMTP receiver listens on (loopback unless an MTA elsewhere relays to it). */
  INBOUND_SMTP_HOST: z.string().default("127.0.0.1"),
  /** Domain of each workspace's inbound address `<slug>@<domain>` and the reply address `support+<token>@<domain>`. */
  INBOUND_MAIL_DOMAIN: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9.-]+$/, "INBOUND_MAIL_DOMAIN must be a domain name like inbound.example.com")
    .default("inbound.deskbridge.localhost"),
  /** Largest inbound mail accepted, in bytes (25 MB by default); larger mail is refused with SMTP 552. */
  INBOUND_MAX_BYTES: z.coerce
    .number({ error: "INBOUND_MAX_BYTES must be a number of bytes" })
    .int("INBOUND_MAX_BYTES must be a whole number of bytes")
    .min(1024, "INBOUND_MAX_BYTES must be at least 1024")
    .default(25 * 1024 * 1024),
  /** Mailgun's HTTP webhook signing key: set, /api/v1/inbound/mailgun accepts Mailgun's inbound routes. */
  MAILGUN_WEBHOOK_SIGNING_KEY: z.string().min(1).optional(),
  /** DKIM signing of outgoing mail: all three set, every message is signed. The key is PEM (\n escapes allowed). */
  DKIM_PRIVATE_KEY: z
    .string()
    .transform((v) => v.replace(/\\n/g, "\n"))
    .optional(),
  DKIM_SELECTOR: z.string().min(1).optional(),
  DKIM_DOMAIN: z.string().min(1).optional(),
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
  /**
   * "on" (default) keeps the app's statements prepared on each database connection, so PostgreSQL
   * parses and plans a statement once per connection rather than on every request. "off" for a
   * connection pooler that cannot hold prepared statements (PgBouncer before 1.21 in transaction mode).
   */
  DATABASE_PREPARED_STATEMENTS: z
    .enum(["on", "off"], { error: 'DATABASE_PREPARED_STATEMENTS must be "on" or "off"' })
    .default("on"),
  /** "1" prints every SQL statement with its parameters and duration (bench:scale explains the slowest with it). */
  DATABASE_QUERY_LOG: z.enum(["0", "1"], { error: 'DATABASE_QUERY_LOG must be "0" or "1"' }).default("0"),
  NODE_ENV: z
    .enum(["development", "production", "test"], { error: "NODE_ENV must be development, production or test" })
    .default("development"),
});

export type Env = z.infer<typeof EnvSchema>;

/** Pairs of variables that only work together. */
function checkPairs(env: z.infer<typeof EnvSchema>): string[] {
  return Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)
    ? ["S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: set both or neither"]
    : [];
}

let cached: Env | undefined;

export function getEnv(): Env {
  if (!cached) {
    const parsed = EnvSchema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
      throw new Error(`Invalid environment:\n  ${problems.join("\n  ")}`);
    }
    const pairs = checkPairs(parsed.data);
    if (pairs.length) throw new Error(`Invalid environment:\n  ${pairs.join("\n  ")}`);
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

/**
 * A key for one purpose derived from AUTH_SECRET (HKDF-SHA256), so a signature made for one
 * purpose (an attachment download link) can never be replayed as another.
 */
export function deriveSecretKey(purpose: string): Buffer {
  const secret = getEnv().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set");
  return Buffer.from(hkdfSync("sha256", secret, "deskbridge", purpose, 32));
}
