import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { Prisma } from "@/lib/generated/prisma/client";
import { inboundTargetOf, isOurAddress } from "@/lib/mail/addresses";
import { automatedReasonOf, isSpamVerdict } from "@/lib/mail/inbound/classify";
import { fallbackMessageId } from "@/lib/mail/inbound/parse";
import { trimReplyText } from "@/lib/mail/inbound/trim";
import type { InboundMail } from "@/lib/mail/inbound/types";
import { storeInboundAttachments } from "@/lib/services/email/store-inbound-attachments";
import { addCustomerMessage } from "@/lib/services/tickets/add-customer-message";
import { createTicket } from "@/lib/services/tickets/create-ticket";

const SUBJECT_MAX = 300;
const BODY_MAX = 50_000;

export type InboundOutcome =
  /** A new ticket (flagged spam when the MTA said so). */
  | { outcome: "created"; ticket: number; spam: boolean }
  /** A message on an existing ticket (`reopened` false for automated mail). */
  | { outcome: "threaded"; ticket: number; automated: boolean }
  /** The same Message-ID was received before: nothing new. */
  | { outcome: "duplicate"; ticket: number | null }
  /** Automated mail that threads into nothing: kept in the mail log only. */
  | { outcome: "ignored"; reason: string }
  /** No recipient is a workspace's inbound address or a valid reply address (or the channel is off). */
  | { outcome: "unknown_recipient" };

type Target = { workspaceId: string; ticketId: string | null };

/**
 * Where mail to this address goes: a ticket (a signed reply address) or a workspace whose email
 * channel is on; null for anything else. The SMTP receiver asks at RCPT TO, so unknown mail is
 * refused before its data is sent.
 */
export async function resolveInboundRecipient(address: string): Promise<Target | null> {
  const target = inboundTargetOf(address);
  if (!target) return null;
  if (target.kind === "ticket") {
    const ticket = await prisma.ticket.findUnique({
      where: { id: target.ticketId },
      select: { id: true, workspaceId: true, workspace: { select: { emailChannel: { select: { enabled: true } } } } },
    });
    if (!ticket || ticket.workspace.emailChannel?.enabled === false) return null;
    return { workspaceId: ticket.workspaceId, ticketId: ticket.id };
  }
  const workspace = await prisma.workspace.findUnique({
    where: { slug: target.slug },
    select: { id: true, emailChannel: { select: { enabled: true } } },
  });
  if (!workspace || workspace.emailChannel?.enabled === false) return null;
  return { workspaceId: workspace.id, ticketId: null };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

function bodyOf(mail: InboundMail): string {
  const full = mail.text.trim();
  const trimmed = trimReplyText(full);
  const body = trimmed || full || "(no text)";
  return body.length > BODY_MAX ? body.slice(0, BODY_MAX) : body;
}

/**
 * The one way mail comes in, whichever door it used (the SMTP receiver, a provider's webhook): a
 * new mail opens a ticket with its contact through the ticket services (SLA, round-robin, counts and
 * history apply), CC'd addresses follow the ticket, a reply threads into its ticket by the reply
 * address, then In-Reply-To/References; automated mail never reopens; the same Message-ID twice is
 * one mail. The stored message is trimmed of quoted history and signature; the mail itself is kept.
 */
export async function receiveInboundMail(mail: InboundMail): Promise<InboundOutcome> {
  let target: Target | null = null;
  for (const recipient of mail.recipients) {
    const found = await resolveInboundRecipient(recipient);
    if (found && (!target || (found.ticketId && !target.ticketId))) target = found;
  }
  if (!target) return { outcome: "unknown_recipient" };
  const ctx: ActorContext = { workspaceId: target.workspaceId, userId: null, role: null, via: "system" };
  const rfcMessageId = mail.messageId ?? fallbackMessageId(mail);

  const seen = await prisma.emailMessage.findUnique({
    where: { workspaceId_rfcMessageId: { workspaceId: ctx.workspaceId, rfcMessageId } },
    select: { ticket: { select: { number: true } } },
  });
  if (seen) return { outcome: "duplicate", ticket: seen.ticket?.number ?? null };

  const automated = automatedReasonOf(mail.headers);
  const spam = isSpamVerdict(mail.headers);
  // Spam never threads into a customer's conversation: it opens a ticket of its own, in the spam view.
  let threadTicketId = spam ? null : target.ticketId;
  if (!threadTicketId && !spam) {
    const ids = [mail.inReplyTo, ...[...mail.references].reverse()].filter((id): id is string => !!id);
    if (ids.length) {
      const earlier = await prisma.emailMessage.findFirst({
        where: { workspaceId: ctx.workspaceId, rfcMessageId: { in: ids }, ticketId: { not: null } },
        orderBy: { sentAt: "desc" },
        select: { ticketId: true },
      });
      threadTicketId = earlier?.ticketId ?? null;
    }
  }

  const sender = mail.from.address.toLowerCase();
  const record = {
    workspaceId: ctx.workspaceId,
    direction: "inbound" as const,
    rfcMessageId,
    inReplyTo: mail.inReplyTo,
    references: mail.references.join(" "),
    fromAddress: sender,
    fromName: mail.from.name,
    toAddresses: mail.to.map((a) => a.address),
    ccAddresses: mail.cc.map((a) => a.address),
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    raw: mail.raw,
    automated,
    spam,
    sentAt: mail.date ?? new Date(),
  };

  try {
    return await prisma.$transaction(async (tx) => {
      let ticketId: string;
      let messageId: string;
      let contactId: string | null;
      let result: InboundOutcome;
      if (threadTicketId) {
        const added = await addCustomerMessage(tx, ctx, {
          ticketId: threadTicketId,
          body: bodyOf(mail),
          email: sender,
          name: mail.from.name,
          reopen: !automated,
        });
        ({ ticketId, messageId, contactId } = added);
        result = { outcome: "threaded", ticket: added.number, automated: !!automated };
      } else if (automated) {
        await tx.emailMessage.create({ data: { ...record, ticketId: null } });
        return { outcome: "ignored", reason: automated };
      } else {
        const subject = mail.subject.trim() || "(no subject)";
        const created = await createTicket(
          ctx,
          {
            subject: subject.length > SUBJECT_MAX ? subject.slice(0, SUBJECT_MAX) : subject,
            body: bodyOf(mail),
            contact_email: sender,
            contact_name: mail.from.name ?? undefined,
            channel: "email",
          },
          tx,
        );
        const ticket = await tx.ticket.update({
          where: { workspaceId_number: { workspaceId: ctx.workspaceId, number: created.ticket } },
          data: { spam },
          select: { id: true, contactId: true, messages: { select: { id: true }, take: 1 } },
        });
        ticketId = ticket.id;
        contactId = ticket.contactId;
        messageId = ticket.messages[0]!.id;
        result = { outcome: "created", ticket: created.ticket, spam };
      }
      // Whoever else was copied follows the ticket (and receives its replies); never our own addresses.
      const followers = mail.cc.filter((a) => a.address && a.address !== sender && !isOurAddress(a.address));
      if (followers.length)
        await tx.ticketFollower.createMany({
          data: followers.map((a) => ({ workspaceId: ctx.workspaceId, ticketId, email: a.address, name: a.name })),
          skipDuplicates: true,
        });
      await tx.emailMessage.create({ data: { ...record, ticketId, messageId } });
      await storeInboundAttachments(tx, ctx, {
        ticketId,
        messageId,
        contactId,
        attachments: mail.attachments,
      });
      return result;
    });
  } catch (error) {
    // The same mail delivered twice at once: the second insert of its Message-ID loses.
    if (isUniqueViolation(error)) {
      const row = await prisma.emailMessage.findUnique({
        where: { workspaceId_rfcMessageId: { workspaceId: ctx.workspaceId, rfcMessageId } },
        select: { ticket: { select: { number: true } } },
      });
      if (row) return { outcome: "duplicate", ticket: row.ticket?.number ?? null };
    }
    throw error;
  }
}
