import "server-only";
import { prisma } from "@/lib/db";
import { replyAddressOf } from "@/lib/mail/addresses";
import { mailbox, replySubject, textToHtml } from "@/lib/mail/compose";
import { queueMail } from "@/lib/mail/queue-mail";
import { csatLink } from "@/lib/services/csat/link";
import { linkOpen } from "@/lib/services/csat/shared";
import { readEmailChannel } from "@/lib/services/email/email-channel";

/** How many earlier Message-IDs a References header carries (the first and the most recent). */
const REFERENCES_MAX = 20;

const TICKET_SELECT = {
  id: true,
  workspaceId: true,
  number: true,
  subject: true,
  channel: true,
  contact: { select: { email: true } },
  followers: { select: { email: true }, orderBy: { createdAt: "asc" } },
} as const;

type MailTicket = {
  id: string;
  workspaceId: string;
  number: number;
  subject: string;
  channel: string;
  contact: { email: string | null } | null;
  followers: { email: string }[];
};

/** The thread's headers for a new mail: In-Reply-To the latest mail, References the chain (capped). */
async function threadHeaders(ticketId: string): Promise<Record<string, string>> {
  const earlier = await prisma.emailMessage.findMany({
    where: { ticketId },
    orderBy: [{ sentAt: "asc" }, { id: "asc" }],
    select: { rfcMessageId: true },
  });
  if (!earlier.length) return {};
  const ids = earlier.map((m) => m.rfcMessageId);
  const refs = ids.length > REFERENCES_MAX ? [ids[0]!, ...ids.slice(-(REFERENCES_MAX - 1))] : ids;
  return { "In-Reply-To": `<${ids.at(-1)}>`, References: refs.map((id) => `<${id}>`).join(" ") };
}

/**
 * Queues one mail of a ticket's thread to its contact and followers, from the workspace's sender,
 * with the ticket's reply address and the thread's headers, and records it in the thread. Nothing
 * goes out when the ticket is not an email ticket, the channel is off or the contact has no address.
 */
async function queueTicketMail(
  ticket: MailTicket,
  mail: { purpose: string; subject: string; text: string; headers?: Record<string, string>; messageId?: string },
  idempotencyKey: string,
): Promise<{ queued: boolean; reason?: string }> {
  if (ticket.channel !== "email") return { queued: false, reason: "not an email ticket" };
  const to = ticket.contact?.email;
  if (!to) return { queued: false, reason: "the contact has no email address" };
  const channel = await readEmailChannel(prisma, ticket.workspaceId);
  if (!channel.enabled) return { queued: false, reason: "the email channel is off" };
  const cc = ticket.followers.map((f) => f.email).filter((e) => e !== to);
  const from = mailbox(channel.from.name, channel.from.address);
  const headers: Record<string, string> = {
    ...(await threadHeaders(ticket.id)),
    "Reply-To": replyAddressOf(ticket.id),
    "X-Deskbridge-Ticket": String(ticket.number),
    ...mail.headers,
  };
  const queued = await queueMail(
    {
      workspaceId: ticket.workspaceId,
      ticketId: ticket.id,
      purpose: mail.purpose,
      from,
      to: [to],
      cc,
      subject: mail.subject,
      text: mail.text,
      html: textToHtml(mail.text),
      headers,
    },
    { idempotencyKey },
  );
  // The thread remembers the mail, so the customer's answer threads back by In-Reply-To.
  await prisma.emailMessage.upsert({
    where: { workspaceId_rfcMessageId: { workspaceId: ticket.workspaceId, rfcMessageId: queued.messageId } },
    create: {
      workspaceId: ticket.workspaceId,
      ticketId: ticket.id,
      messageId: mail.messageId ?? null,
      direction: "outbound",
      rfcMessageId: queued.messageId,
      inReplyTo: headers["In-Reply-To"]?.slice(1, -1) ?? null,
      references: (headers.References ?? "").replace(/[<>]/g, ""),
      fromAddress: channel.from.address,
      fromName: channel.from.name,
      toAddresses: [to],
      ccAddresses: cc,
      subject: mail.subject,
      text: mail.text,
      html: textToHtml(mail.text),
    },
    update: {},
  });
  return { queued: true };
}

/** An agent's public reply, mailed to the contact and the followers. Internal notes never come here. */
export async function sendReplyByEmail(messageId: string) {
  const message = await prisma.message.findUnique({
    where: { id: messageId },
    select: { id: true, kind: true, authorType: true, body: true, ticket: { select: TICKET_SELECT } },
  });
  if (!message || message.kind !== "reply" || message.authorType !== "agent")
    return { queued: false, reason: "not an agent's reply" };
  return queueTicketMail(
    message.ticket,
    { purpose: "reply", subject: replySubject(message.ticket.subject), text: message.body, messageId: message.id },
    `reply:${message.id}`,
  );
}

/** The ticket's open CSAT request, mailed to the contact (a machine's mail: Auto-Submitted). */
export async function sendCsatRequestByEmail(ticketId: string) {
  const ticket = await prisma.ticket.findUnique({
    where: { id: ticketId },
    select: {
      ...TICKET_SELECT,
      workspace: { select: { name: true } },
      csatRequests: {
        where: { revokedAt: null },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { id: true, key: true, expiresAt: true, revokedAt: true, ratedAt: true },
      },
    },
  });
  const request = ticket?.csatRequests[0];
  if (!ticket || !request || request.ratedAt || !linkOpen(request)) return { queued: false, reason: "no open request" };
  const text = [
    `Your request #${ticket.number} "${ticket.subject}" is resolved.`,
    "",
    "How did we do? Rate our help with one click:",
    csatLink(request.key),
    "",
    `The link works until ${request.expiresAt.toUTCString()}.`,
    "",
    ticket.workspace.name,
  ].join("\n");
  return queueTicketMail(
    ticket,
    {
      purpose: "csat_request",
      subject: replySubject(ticket.subject),
      text,
      headers: { "Auto-Submitted": "auto-generated" },
    },
    `csat:${request.id}`,
  );
}
