import "server-only";
import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { getJobQueue } from "@/lib/jobs/queue";
import { SEND_MAIL_JOB } from "@/lib/mail/kind";

export type MailInput = {
  workspaceId: string;
  to: string[];
  cc?: string[];
  subject: string;
  text: string;
  html?: string | null;
  /** Further headers (In-Reply-To, References, Auto-Submitted, …). */
  headers?: Record<string, string>;
  ticketId?: string | null;
  /** Why it is sent: reply, csat_request, notification, webhook_disabled, … */
  purpose: string;
  /** "Name <address>"; MAIL_FROM when absent. */
  from?: string;
};

/** The address part of "Name <address>" or of a bare address. */
export function addressOf(mailbox: string): string {
  return (/<([^>]+)>/.exec(mailbox)?.[1] ?? mailbox).trim();
}

/** A fresh Message-ID (without angle brackets) in the sender's domain. */
export function newMessageId(from: string): string {
  const domain = addressOf(from).split("@")[1] ?? "deskbridge.localhost";
  return `${Date.now().toString(36)}.${randomBytes(12).toString("base64url")}@${domain}`;
}

/**
 * Records a message to send and queues its delivery (the send-mail job: SMTP, or the dev outbox).
 * With an idempotency key, queueing twice is one message. Returns its id and Message-ID.
 */
export async function queueMail(
  input: MailInput,
  options: { idempotencyKey?: string } = {},
): Promise<{ id: string; messageId: string; created: boolean }> {
  const from = input.from ?? getEnv().MAIL_FROM;
  let created = true;
  let row: { id: string; messageId: string };
  try {
    row = await prisma.mailMessage.create({
      data: {
        workspaceId: input.workspaceId,
        ticketId: input.ticketId ?? null,
        purpose: input.purpose,
        fromAddress: from,
        to: input.to,
        cc: input.cc ?? [],
        subject: input.subject,
        text: input.text,
        html: input.html ?? null,
        headers: input.headers ?? {},
        messageId: newMessageId(from),
        idempotencyKey: options.idempotencyKey ?? null,
      },
      select: { id: true, messageId: true },
    });
  } catch (error) {
    if (!(options.idempotencyKey && error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) {
      throw error;
    }
    created = false;
    row = await prisma.mailMessage.findUniqueOrThrow({
      where: {
        workspaceId_idempotencyKey: { workspaceId: input.workspaceId, idempotencyKey: options.idempotencyKey },
      },
      select: { id: true, messageId: true },
    });
  }
  await getJobQueue().enqueue(SEND_MAIL_JOB, { mailId: row.id }, { idempotencyKey: row.id });
  return { ...row, created };
}
