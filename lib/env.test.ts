import { afterEach, describe, expect, it, vi } from "vitest";

// getEnv reads process.env once per module instance: each case loads a fresh one.
async function envWith(values: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(values)) vi.stubEnv(name, value);
  const { getEnv } = await import("@/lib/env");
  return getEnv;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("getEnv", () => {
  it("reads the MCP origins as a list and leaves the limits on unless switched off", async () => {
    const getEnv = await envWith({
      DATABASE_URL: "postgresql://db.test/app",
      MCP_ALLOWED_ORIGINS: "https://a.example, ,https://b.example",
      RATE_LIMIT_STORE_TIMEOUT_MS: "300",
    });
    const env = getEnv();
    expect(env.MCP_ALLOWED_ORIGINS).toEqual(["https://a.example", "https://b.example"]);
    expect(env.RATE_LIMIT_STORE_TIMEOUT_MS).toBe(300);
    expect(env.RATE_LIMITS).toBe("on");
    expect(env.BENCH_ROUTES).toBe("0");
  });

  it("refuses a bad setting and names the variable", async () => {
    const getEnv = await envWith({
      DATABASE_URL: "postgresql://db.test/app",
      RATE_LIMITS: "maybe",
      RATE_LIMIT_STORE_TIMEOUT_MS: "-5",
      UPSTASH_REDIS_REST_URL: "not a url",
    });
    expect(getEnv).toThrow(/RATE_LIMITS must be "on" or "off"/);
    expect(getEnv).toThrow(/RATE_LIMIT_STORE_TIMEOUT_MS must be above 0/);
    expect(getEnv).toThrow(/UPSTASH_REDIS_REST_URL must be a URL/);
  });

  it("keeps attachments on disk unless S3_BUCKET is set, and wants both halves of an S3 key pair", async () => {
    const plain = (await envWith({ DATABASE_URL: "postgresql://db.test/app" }))();
    expect(plain.S3_BUCKET).toBeUndefined();
    expect(plain.ATTACHMENTS_DIR).toBe(".data/attachments");
    const s3 = (
      await envWith({
        DATABASE_URL: "postgresql://db.test/app",
        S3_BUCKET: "desk-files",
        S3_ENDPOINT: "http://127.0.0.1:9000",
        S3_FORCE_PATH_STYLE: "1",
      })
    )();
    expect(s3).toMatchObject({ S3_BUCKET: "desk-files", S3_REGION: "us-east-1", S3_FORCE_PATH_STYLE: "1" });
    const halfKey = await envWith({ DATABASE_URL: "postgresql://db.test/app", S3_ACCESS_KEY_ID: "AKIA" });
    expect(halfKey).toThrow(/S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: set both or neither/);
    const badEndpoint = await envWith({ DATABASE_URL: "postgresql://db.test/app", S3_ENDPOINT: "minio" });
    expect(badEndpoint).toThrow(/S3_ENDPOINT must be a URL/);
  });

  it("keeps webhooks to public targets with a 30 s retry and 10 failures unless the operator says otherwise", async () => {
    const defaults = (await envWith({ DATABASE_URL: "postgresql://db.test/app" }))();
    expect(defaults).toMatchObject({
      WEBHOOKS_ALLOW_PRIVATE_TARGETS: "off",
      WEBHOOK_RETRY_DELAY_SECONDS: 30,
      WEBHOOK_FAILURE_LIMIT: 10,
    });
    const set = (
      await envWith({
        WEBHOOKS_ALLOW_PRIVATE_TARGETS: "on",
        WEBHOOK_RETRY_DELAY_SECONDS: "1",
        WEBHOOK_FAILURE_LIMIT: "3",
      })
    )();
    expect(set).toMatchObject({
      WEBHOOKS_ALLOW_PRIVATE_TARGETS: "on",
      WEBHOOK_RETRY_DELAY_SECONDS: 1,
      WEBHOOK_FAILURE_LIMIT: 3,
    });
    const bad = await envWith({
      DATABASE_URL: "postgresql://db.test/app",
      WEBHOOKS_ALLOW_PRIVATE_TARGETS: "yes",
      WEBHOOK_RETRY_DELAY_SECONDS: "0",
      WEBHOOK_FAILURE_LIMIT: "ten",
    });
    expect(bad).toThrow(/WEBHOOKS_ALLOW_PRIVATE_TARGETS must be "on" or "off"/);
    expect(bad).toThrow(/WEBHOOK_RETRY_DELAY_SECONDS must be at least 1/);
    expect(bad).toThrow(/WEBHOOK_FAILURE_LIMIT must be a number of attempts/);
  });
});
