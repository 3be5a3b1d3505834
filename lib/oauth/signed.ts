import { createHmac, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env";

// Small signed envelopes (HMAC-SHA256 with AUTH_SECRET) for the pending
// authorization request and the consent form's CSRF token.

function secret(): string {
  const value = getEnv().AUTH_SECRET;
  if (!value) throw new Error("AUTH_SECRET is not set");
  return value;
}

function mac(purpose: string, payload: string): string {
  return createHmac("sha256", secret()).update(`${purpose}.${payload}`).digest("base64url");
}

export function sign(purpose: string, value: unknown): string {
  const payload = Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${payload}.${mac(purpose, payload)}`;
}

export function verifySigned<T>(purpose: string, token: string | null | undefined): T | null {
  if (!token) return null;
  const [payload, signature] = token.split(".");
  if (!payload || !signature) return null;
  const expected = Buffer.from(mac(purpose, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as T;
  } catch {
    return null;
  }
}

/** A CSRF token bound to the user and the pending request. */
export function csrfToken(userId: string, request: string): string {
  return mac("csrf", `${userId}.${request}`);
}

export function csrfValid(userId: string, request: string, token: string | null | undefined): boolean {
  if (!token) return false;
  const expected = Buffer.from(csrfToken(userId, request));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
