import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { AppError } from "@/lib/errors";

/**
 * The workspace's MCP lockdown: while it is on, a write through MCP on a ticket whose latest message
 * is the customer's is refused until an agent has looked (a reply or note after it, or "mark
 * reviewed"), as customer-written text may carry instructions meant for the model. Tickets that do
 * not exist are left to the write itself to report.
 */
export async function assertNotLockedDown(ctx: ActorContext, numbers: readonly number[]): Promise<void> {
  if (ctx.via !== "mcp") return;
  const locked = await findLockedTickets(ctx, numbers);
  if (locked.length === 0) return;
  const first = locked[0]!;
  const others =
    locked.length > 1
      ? ` (and ${locked
          .slice(1)
          .map((t) => `#${t.number}`)
          .join(", ")})`
      : "";
  throw new AppError(
    "lockdown",
    `Ticket #${first.number}${others} is locked down: its latest message is from the customer${first.contact ? ` (${first.contact})` : ""}, sent ${first.latestAt.toISOString()}, and no agent has looked since. An agent unlocks it by replying, adding a note, or choosing "Mark reviewed" on the ticket page; the person you act for can also call mark_ticket_reviewed once they have read the conversation.`,
    { details: { locked_tickets: locked.map((t) => t.number) } },
  );
}

/**
 * The tickets among these that the workspace's lockdown holds (none while it is off). An MCP
 * caller's context carries the switch from its verified credential, which an access change renews
 * when owners turn it; other callers read it.
 */
export async function findLockedTickets(ctx: ActorContext, numbers: readonly number[]) {
  if (numbers.length === 0) return [];
  const lockdown =
    ctx.lockdown ??
    (
      await prisma.workspace.findUniqueOrThrow({
        where: { id: ctx.workspaceId },
        select: { mcpLockdown: true },
      })
    ).mcpLockdown;
  if (!lockdown) return [];
  const tickets = await prisma.ticket.findMany({
    where: { ...inWorkspace(ctx), number: { in: [...numbers] } },
    orderBy: { number: "asc" },
    select: {
      number: true,
      reviewedAt: true,
      messages: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 1,
        select: { authorType: true, createdAt: true, authorContact: { select: { name: true } } },
      },
    },
  });
  return tickets.flatMap(({ number, reviewedAt, messages: [latest] }) => {
    if (!latest || latest.authorType !== "contact") return [];
    if (reviewedAt && reviewedAt >= latest.createdAt) return [];
    return [{ number, latestAt: latest.createdAt, contact: latest.authorContact?.name ?? null }];
  });
}
