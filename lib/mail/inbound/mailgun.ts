import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { messageIdsOf, parseInboundMime } from "@/lib/mail/inbound/parse";
import type { InboundMail, MailAddress } from "@/lib/mail/inbound/types";

// Mailgun's inbound routes (the "forward" action) POST the parsed mail as form fields, or the raw
// MIME as `body-mime` when the route's URL ends in "mime". Each post is signed: HMAC-SHA256 of
// timestamp + token under the account's HTTP webhook signing key, hex.

/** How old a signed post may be, either way, before it counts as a replay. */
export const MAILGUN_REPLAY_WINDOW_S = 5 * 60;

export type MailgunSignature = { timestamp: string; token: string; signature: string };

export type SignatureCheck = { ok: true } | { ok: false; reason: "bad_signature" | "stale" };

/** Checks a post's signature in constant time, and that its timestamp is within the replay window. */
export function verifyMailgunSignature(key: string, fields: MailgunSignature, now = Date.now()): SignatureCheck {
  const expected = Buffer.from(
    createHmac("sha256", key)
      .update(fields.timestamp + fields.token)
      .digest("hex"),
  );
  const given = Buffer.from(fields.signature.toLowerCase());
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: "bad_signature" };
  const timestamp = Number(fields.timestamp);
  if (!Number.isFinite(timestamp) || Math.abs(now / 1000 - timestamp) > MAILGUN_REPLAY_WINDOW_S)
    return { ok: false, reason: "stale" };
  return { ok: true };
}

function addressList(value: string | undefined): MailAddress[] {
  if (!value) return [];
  const out: MailAddress[] = [];
  for (const part of value.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)) {
    const match =
      /^\s*(?:"?([^"<]*?)"?\s*)?<([^<>\s]+@[^<>\s]+)>\s*$/.exec(part) ?? /^\s*()([^\s<>]+@[^\s<>]+)\s*$/.exec(part);
    if (match) out.push({ address: match[2]!.toLowerCase(), name: match[1]?.trim() || null });
  }
  return out;
}

/** A Mailgun inbound post as an InboundMail. */
export async function mailgunToInboundMail(form: FormData): Promise<InboundMail> {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const recipients = (text("recipient") ?? "")
    .split(",")
    .map((r) => r.trim().toLowerCase())
    .filter(Boolean);
  const mime = text("body-mime");
  if (mime) return parseInboundMime(Buffer.from(mime, "utf8"), recipients);

  const headers: Record<string, string> = {};
  try {
    const pairs = JSON.parse(text("message-headers") ?? "[]") as unknown;
    if (Array.isArray(pairs))
      for (const pair of pairs)
        if (Array.isArray(pair) && typeof pair[0] === "string" && typeof pair[1] === "string") {
          const name = pair[0].toLowerCase();
          headers[name] = headers[name] ? `${headers[name]}, ${pair[1]}` : pair[1];
        }
  } catch {
    // Headers that do not parse are left out; the fields below still carry the mail.
  }
  const date = headers["date"] ? new Date(headers["date"]) : null;
  const attachments: InboundMail["attachments"] = [];
  for (const [name, value] of form.entries())
    if (name.startsWith("attachment-") && typeof value !== "string")
      attachments.push({
        filename: value.name || null,
        contentType: value.type || "application/octet-stream",
        size: value.size,
        content: Buffer.from(await value.arrayBuffer()),
      });
  return {
    recipients,
    messageId: messageIdsOf(headers["message-id"] ?? text("Message-Id"))[0] ?? null,
    inReplyTo: messageIdsOf(headers["in-reply-to"] ?? text("In-Reply-To"))[0] ?? null,
    references: messageIdsOf(headers["references"] ?? text("References")),
    from: addressList(text("from") ?? text("sender"))[0] ?? {
      address: (text("sender") ?? "").toLowerCase(),
      name: null,
    },
    to: addressList(headers["to"] ?? text("To")),
    cc: addressList(headers["cc"] ?? text("Cc")),
    subject: text("subject") ?? headers["subject"] ?? "",
    text: text("body-plain") ?? "",
    html: text("body-html") ?? null,
    date: date && !Number.isNaN(date.getTime()) ? date : null,
    headers,
    raw: null,
    attachments,
  };
}
