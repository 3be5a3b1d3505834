import { createHmac, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env";

// A ticket's reply address is support+<ticket id>-<signature>@<inbound domain>. The signature is an
// HMAC of the ticket id under AUTH_SECRET, so nobody can address a ticket they were not mailed from,
// and nothing is stored. Lower-case hex only: some mail servers fold the local part's case.

const SIGNATURE_CHARS = 24;
const TOKEN = /^([a-z0-9]{8,64})-([0-9a-f]{24})$/;

function signatureOf(ticketId: string): string {
  const secret = getEnv().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set");
  return createHmac("sha256", secret).update(`reply-token.${ticketId}`).digest("hex").slice(0, SIGNATURE_CHARS);
}

export function replyTokenFor(ticketId: string): string {
  return `${ticketId}-${signatureOf(ticketId)}`;
}

/** The ticket id a well-formed, correctly signed token names (compared in constant time), else null. */
export function ticketIdOfReplyToken(token: string): string | null {
  const match = TOKEN.exec(token.toLowerCase());
  if (!match) return null;
  const [, ticketId, signature] = match as unknown as [string, string, string];
  const expected = Buffer.from(signatureOf(ticketId));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? ticketId : null;
}
