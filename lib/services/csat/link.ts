import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env";

// A CSAT link is /rate/<key>.<signature>. The key is random and stored (the lookup); the signature
// is an HMAC of the key under AUTH_SECRET and is never stored, so a copy of the database cannot
// make or recover a working link, while the app can show a still-valid link again on the ticket.

const KEY = /^[A-Za-z0-9_-]{22}$/;
const SIGNATURE_CHARS = 32;

export function newCsatKey(): string {
  return randomBytes(16).toString("base64url");
}

function signatureOf(key: string): string {
  const secret = getEnv().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set");
  return createHmac("sha256", secret).update(`csat-link.${key}`).digest("base64url").slice(0, SIGNATURE_CHARS);
}

export function csatToken(key: string): string {
  return `${key}.${signatureOf(key)}`;
}

/** The public address a customer rates at. */
export function csatLink(key: string): string {
  return `${getEnv().APP_URL}/rate/${csatToken(key)}`;
}

/** The key of a well-formed token whose signature is right (compared in constant time), else null. */
export function csatKeyOf(token: string): string | null {
  const [key, signature, ...rest] = token.split(".");
  if (!key || !signature || rest.length || !KEY.test(key) || signature.length !== SIGNATURE_CHARS) return null;
  const expected = Buffer.from(signatureOf(key));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? key : null;
}
