import { getEnv } from "@/lib/env";
import { replyTokenFor, ticketIdOfReplyToken } from "@/lib/mail/reply-token";

/** A workspace's inbound address: new mail sent here opens a ticket. */
export function inboundAddressOf(slug: string): string {
  return `${slug}@${getEnv().INBOUND_MAIL_DOMAIN}`;
}

/** A ticket's reply address (Reply-To of every mail sent about it). */
export function replyAddressOf(ticketId: string): string {
  return `support+${replyTokenFor(ticketId)}@${getEnv().INBOUND_MAIL_DOMAIN}`;
}

export type InboundTarget = { kind: "workspace"; slug: string } | { kind: "ticket"; ticketId: string };

/**
 * What one recipient address of inbound mail names: a ticket (a signed reply address), a workspace
 * (its inbound address), or nothing of ours (null: another domain, or a forged token).
 */
export function inboundTargetOf(address: string): InboundTarget | null {
  const at = address.lastIndexOf("@");
  if (at < 1) return null;
  const local = address.slice(0, at).toLowerCase();
  const domain = address.slice(at + 1).toLowerCase();
  if (domain !== getEnv().INBOUND_MAIL_DOMAIN) return null;
  if (local.startsWith("support+")) {
    const ticketId = ticketIdOfReplyToken(local.slice("support+".length));
    return ticketId ? { kind: "ticket", ticketId } : null;
  }
  return /^[a-z0-9][a-z0-9-]*$/.test(local) ? { kind: "workspace", slug: local } : null;
}

/** Whether an address is one of ours (never a contact or a follower). */
export function isOurAddress(address: string): boolean {
  return address.toLowerCase().endsWith(`@${getEnv().INBOUND_MAIL_DOMAIN}`);
}
