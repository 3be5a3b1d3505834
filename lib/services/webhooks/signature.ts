import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// Standard Webhooks signing (https://www.standardwebhooks.com): the signed content is
// "{webhook-id}.{webhook-timestamp}.{body}", the key is the base64 part of a `whsec_` secret, and
// the header carries `v1,<base64 HMAC-SHA256>` per secret, space-separated, so a receiver holding
// either secret of a rotation verifies.

const PREFIX = "whsec_";
/** 24 random bytes (192 bits), as svix issues them. */
const SECRET_BYTES = 24;

export function generateWebhookSecret(): string {
  return `${PREFIX}${randomBytes(SECRET_BYTES).toString("base64")}`;
}

function keyOf(secret: string): Buffer {
  if (!secret.startsWith(PREFIX)) throw new Error("A webhook secret starts with whsec_");
  return Buffer.from(secret.slice(PREFIX.length), "base64");
}

export type SignedContent = { id: string; timestamp: number; body: string };

/** One `v1,<base64>` signature of the message under one secret. */
export function signWebhook(secret: string, { id, timestamp, body }: SignedContent): string {
  const mac = createHmac("sha256", keyOf(secret)).update(`${id}.${timestamp}.${body}`).digest("base64");
  return `v1,${mac}`;
}

/** The `webhook-signature` header: one signature per secret (current first). */
export function signatureHeader(secrets: readonly string[], content: SignedContent): string {
  return secrets.map((secret) => signWebhook(secret, content)).join(" ");
}

/** The three Standard Webhooks headers for one attempt. */
export function webhookHeaders(secrets: readonly string[], content: SignedContent): Record<string, string> {
  return {
    "content-type": "application/json",
    "webhook-id": content.id,
    "webhook-timestamp": String(content.timestamp),
    "webhook-signature": signatureHeader(secrets, content),
  };
}

/** True when any v1 signature in the header matches under the secret (constant-time per comparison). */
export function verifyWebhookSignature(secret: string, header: string, content: SignedContent): boolean {
  const expected = Buffer.from(signWebhook(secret, content).slice(3), "base64");
  return header.split(" ").some((part) => {
    const [version, value] = part.split(",", 2);
    if (version !== "v1" || !value) return false;
    const given = Buffer.from(value, "base64");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
