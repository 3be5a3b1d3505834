import "server-only";
import { createHash } from "node:crypto";
import { simpleParser, type AddressObject, type HeaderValue } from "mailparser";
import type { InboundMail, MailAddress } from "@/lib/mail/inbound/types";

function addressesOf(value: AddressObject | AddressObject[] | undefined): MailAddress[] {
  const objects = value ? (Array.isArray(value) ? value : [value]) : [];
  const out: MailAddress[] = [];
  const walk = (list: AddressObject["value"]) => {
    for (const entry of list) {
      if (entry.group) walk(entry.group);
      else if (entry.address) out.push({ address: entry.address.toLowerCase(), name: entry.name || null });
    }
  };
  for (const object of objects) walk(object.value);
  return out;
}

function headerText(value: HeaderValue): string {
  if (typeof value === "string") return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => headerText(v as HeaderValue)).join(", ");
  if (value && typeof value === "object") {
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("value" in value && typeof value.value === "string") {
      const params = "params" in value && value.params ? Object.entries(value.params as Record<string, string>) : [];
      return [value.value, ...params.map(([k, v]) => `${k}=${v}`)].join("; ");
    }
  }
  return String(value ?? "");
}

/** A Message-ID list header's ids, without angle brackets. */
export function messageIdsOf(value: string | string[] | undefined | null): string[] {
  const joined = Array.isArray(value) ? value.join(" ") : (value ?? "");
  const bracketed = [...joined.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]!);
  if (bracketed.length) return bracketed;
  return joined.split(/[\s,]+/).filter((id) => id.includes("@"));
}

/** Parses raw MIME into an InboundMail delivered to `recipients`. */
export async function parseInboundMime(raw: Buffer, recipients: string[]): Promise<InboundMail> {
  const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextLinks: true });
  const headers: Record<string, string> = {};
  for (const [name, value] of parsed.headers) {
    const text = headerText(value);
    headers[name] = headers[name] ? `${headers[name]}, ${text}` : text;
  }
  const from = addressesOf(parsed.from)[0] ?? { address: "", name: null };
  const rawText = raw.toString("utf8");
  return {
    recipients: recipients.map((r) => r.toLowerCase()),
    messageId: messageIdsOf(parsed.messageId)[0] ?? null,
    inReplyTo: messageIdsOf(parsed.inReplyTo)[0] ?? null,
    references: messageIdsOf(parsed.references),
    from,
    to: addressesOf(parsed.to),
    cc: addressesOf(parsed.cc),
    subject: parsed.subject ?? "",
    text: parsed.text ?? "",
    html: typeof parsed.html === "string" ? parsed.html : null,
    date: parsed.date ?? null,
    headers,
    raw: rawText,
    attachments: parsed.attachments.map((a) => ({
      filename: a.filename ?? null,
      contentType: a.contentType,
      size: a.size,
      content: a.content,
    })),
  };
}

/** A stand-in Message-ID for mail that came without one, stable for the same content (a redelivery). */
export function fallbackMessageId(mail: Pick<InboundMail, "raw" | "from" | "subject" | "text" | "date">): string {
  const basis = mail.raw ?? `${mail.from.address}\n${mail.subject}\n${mail.date?.toISOString() ?? ""}\n${mail.text}`;
  return `${createHash("sha256").update(basis).digest("hex").slice(0, 32)}@no-message-id.deskbridge`;
}
