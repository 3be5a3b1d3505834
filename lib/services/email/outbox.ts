import "server-only";
import { roleAtLeast } from "@/lib/auth/roles";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { prisma } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";

const PAGE = 50;

function requireAdmin(ctx: ActorContext) {
  if (!roleAtLeast(ctx.role, "admin")) throw new AppError("admin_required", "Only admins and owners read the mailbox.");
}

/** Ticket numbers by id, for the mail that names a ticket. */
async function ticketNumbers(ctx: ActorContext, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (!wanted.length) return new Map<string, number>();
  const rows = await prisma.ticket.findMany({
    where: { ...inWorkspace(ctx), id: { in: wanted } },
    select: { id: true, number: true },
  });
  return new Map(rows.map((r) => [r.id, r.number]));
}

/** The workspace's outgoing mail, newest first (the dev mailbox: on the embedded default nothing leaves). */
export async function listOutbox(ctx: ActorContext, options: { before?: string } = {}) {
  requireAdmin(ctx);
  const before = options.before
    ? await prisma.mailMessage.findFirst({
        where: { ...inWorkspace(ctx), id: options.before },
        select: { createdAt: true, id: true },
      })
    : null;
  const rows = await prisma.mailMessage.findMany({
    where: {
      ...inWorkspace(ctx),
      ...(before
        ? { OR: [{ createdAt: { lt: before.createdAt } }, { createdAt: before.createdAt, id: { lt: before.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE + 1,
    select: {
      id: true,
      purpose: true,
      fromAddress: true,
      to: true,
      cc: true,
      subject: true,
      status: true,
      transport: true,
      createdAt: true,
      sentAt: true,
      ticketId: true,
    },
  });
  const items = rows.slice(0, PAGE);
  const numbers = await ticketNumbers(
    ctx,
    items.map((r) => r.ticketId),
  );
  return {
    items: items.map((r) => ({ ...r, ticket: r.ticketId ? (numbers.get(r.ticketId) ?? null) : null })),
    next: rows.length > PAGE ? rows[PAGE - 1]!.id : null,
  };
}

/** One outgoing mail with its headers, text, HTML and (outbox) raw MIME. */
export async function getOutboxMessage(ctx: ActorContext, id: string) {
  requireAdmin(ctx);
  const mail = await prisma.mailMessage.findFirst({
    where: { ...inWorkspace(ctx), id },
    select: {
      id: true,
      purpose: true,
      fromAddress: true,
      to: true,
      cc: true,
      subject: true,
      text: true,
      html: true,
      headers: true,
      messageId: true,
      status: true,
      transport: true,
      raw: true,
      error: true,
      createdAt: true,
      sentAt: true,
      ticketId: true,
    },
  });
  if (!mail) throw notFound("Mail");
  const numbers = await ticketNumbers(ctx, [mail.ticketId]);
  return {
    ...mail,
    ticket: mail.ticketId ? (numbers.get(mail.ticketId) ?? null) : null,
    headers: (mail.headers ?? {}) as Record<string, string>,
  };
}
