import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  generateWebhookSecret,
  signatureHeader,
  signWebhook,
  verifyWebhookSignature,
  webhookHeaders,
} from "@/lib/services/webhooks/signature";

/** The Standard Webhooks reference algorithm, written out independently of the module under test. */
function reference(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.split("_")[1]!, "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
}

describe("webhook signatures", () => {
  it("match the Standard Webhooks reference algorithm", () => {
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const content = { id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1614265330, body: '{"test": 2432232314}' };
    const expected = reference(secret, content.id, content.timestamp, content.body);
    expect(signWebhook(secret, content)).toBe(expected);
    // The example the spec's reference libraries test against.
    expect(expected).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  });

  it("issues whsec_ secrets of 192 random bits, each different", () => {
    const a = generateWebhookSecret();
    const b = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(Buffer.from(a.slice(6), "base64")).toHaveLength(24);
    expect(a).not.toBe(b);
  });

  it("signs with both secrets during a rotation, and either verifies", () => {
    const current = generateWebhookSecret();
    const previous = generateWebhookSecret();
    const content = { id: "evt_1", timestamp: 1_700_000_000, body: '{"type":"ticket.created"}' };
    const header = signatureHeader([current, previous], content);
    expect(header.split(" ")).toEqual([
      reference(current, content.id, content.timestamp, content.body),
      reference(previous, content.id, content.timestamp, content.body),
    ]);
    expect(verifyWebhookSignature(current, header, content)).toBe(true);
    expect(verifyWebhookSignature(previous, header, content)).toBe(true);
    expect(verifyWebhookSignature(generateWebhookSecret(), header, content)).toBe(false);
    expect(verifyWebhookSignature(current, header, { ...content, body: '{"type":"ticket.updated"}' })).toBe(false);
  });

  it("sends the three headers and never the secret", () => {
    const secret = generateWebhookSecret();
    const headers = webhookHeaders([secret], { id: "evt_2", timestamp: 1_700_000_001, body: "{}" });
    expect(headers).toMatchObject({ "webhook-id": "evt_2", "webhook-timestamp": "1700000001" });
    expect(headers["webhook-signature"]).toBe(reference(secret, "evt_2", 1_700_000_001, "{}"));
    expect(JSON.stringify(headers)).not.toContain(secret.slice(6));
  });
});
