import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyMailgunSignature } from "@/lib/mail/inbound/mailgun";

const KEY = "key-test-signing";
const sign = (timestamp: string, token: string) =>
  createHmac("sha256", KEY)
    .update(timestamp + token)
    .digest("hex");

describe("verifyMailgunSignature", () => {
  const now = Date.UTC(2026, 11, 2, 10, 0, 0);
  const timestamp = String(now / 1000);

  it("accepts Mailgun's HMAC of timestamp and token", () => {
    expect(verifyMailgunSignature(KEY, { timestamp, token: "abc", signature: sign(timestamp, "abc") }, now)).toEqual({
      ok: true,
    });
  });

  it("refuses another signature, and a good one outside the replay window", () => {
    expect(verifyMailgunSignature(KEY, { timestamp, token: "abc", signature: sign(timestamp, "abd") }, now)).toEqual({
      ok: false,
      reason: "bad_signature",
    });
    const old = String(now / 1000 - 3600);
    expect(verifyMailgunSignature(KEY, { timestamp: old, token: "abc", signature: sign(old, "abc") }, now)).toEqual({
      ok: false,
      reason: "stale",
    });
  });
});
