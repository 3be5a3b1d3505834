import { z } from "zod";
import { parseIpRange, type IpRange } from "@/lib/rate-limit/ip-address";

// Environment, validated once at start-up. scripts/dev.ts fills DATABASE_URL and
// AUTH_SECRET for the embedded default; production sets them explicitly.
const EnvSchema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set: run `npm run dev`, or point it at PostgreSQL" })
    .startsWith("postgres", "DATABASE_URL must be a postgresql:// URL"),
  /** Size of the connection pool per process. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /** Public origin of the app, without a path (the OAuth issuer and the MCP URL derive from it). */
  APP_URL: z.url().default("http://localhost:3000"),
  REDIS_URL: z.string().optional(),
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
  /** "1" prints every SQL statement with its parameters and duration (bench:scale explains the slowest with it). */
  DATABASE_QUERY_LOG: z.enum(["0", "1"], { error: 'DATABASE_QUERY_LOG must be "0" or "1"' }).default("0"),
  /**
   * Browser origins, besides the app's own, allowed to call the MCP endpoint (comma-separated; "*" for
   * any). A local install also accepts local pages on any port.
   */
  MCP_ALLOWED_ORIGINS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((origin) => origin.trim())
        .filter(Boolean),
    ),
  /** "off" disables the MCP route's rate limits (the benchmarks compare both in one run). */
  RATE_LIMITS: z.enum(["on", "off"], { error: 'RATE_LIMITS must be "on" or "off"' }).default("on"),
  /** "1" mounts the benchmark routes under /api/bench (bench:mcp starts the app with it). */
  BENCH_ROUTES: z.enum(["0", "1"], { error: 'BENCH_ROUTES must be "0" or "1"' }).default("0"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
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
