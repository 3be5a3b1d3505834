import "server-only";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

const SHOWN = 5;

/**
 * The collision guard of a ticket write: when the caller names the newest message it read, any
 * message that arrived after it refuses the write with a conflict saying what arrived, who wrote it
 * and when, so the caller reads again rather than answering a conversation it has not seen.
 */
export async function assertNoNewerMessages(
  tx: Prisma.TransactionClient,
  ctx: ActorContext,
  ticket: { id: string; number: number },
  lastSeenMessageId: string | undefined,
): Promise<void> {
  if (!lastSeenMessageId) return;
  const seen = await tx.message.findFirst({
    where: { ...inWorkspace(ctx), ticketId: ticket.id, id: lastSeenMessageId },
    select: { createdAt: true },
  });
  if (!seen) {
    throw new AppError(
      "validation_error",
      `Invalid input (last_seen_message_id: ${lastSeenMessageId} is not a message of ticket #${ticket.number}).`,
      { fields: { last_seen_message_id: [`not a message of ticket #${ticket.number}`] } },
    );
  }
  const where = { ...inWorkspace(ctx), ticketId: ticket.id, createdAt: { gt: seen.createdAt } };
  const [count, newer] = await Promise.all([
    tx.message.count({ where }),
    tx.message.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: SHOWN,
      select: {
        id: true,
        kind: true,
        authorType: true,
        createdAt: true,
        authorUser: { select: { name: true } },
        authorContact: { select: { name: true, email: true } },
      },
    }),
  ]);
  if (count === 0) return;
  const said = newer.map((m) => {
    const at = m.createdAt.toISOString();
    if (m.authorType === "contact") {
      const who = m.authorContact
        ? `${m.authorContact.name}${m.authorContact.email ? ` <${m.authorContact.email}>` : ""}`
        : "the customer";
      return `a customer message arrived at ${at} from ${who}`;
    }
    const by = m.authorUser?.name ?? "an agent";
    return m.kind === "note" ? `${by} added an internal note at ${at}` : `${by} replied at ${at}`;
  });
  const more = count > newer.length ? `; and ${count - newer.length} more` : "";
  throw new AppError(
    "conflict",
    `Ticket #${ticket.number} changed since message ${lastSeenMessageId}: ${said.join("; ")}${more}. Read the new messages (list_ticket_messages) and decide again, passing the newest message id as last_seen_message_id.`,
    {
      details: {
        newer_messages: newer.map((m) => ({
          id: m.id,
          kind: m.kind,
          author_type: m.authorType,
          created_at: m.createdAt.toISOString(),
        })),
        newer_count: count,
      },
    },
  );
}
