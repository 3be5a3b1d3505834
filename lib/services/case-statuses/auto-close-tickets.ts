import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { runOnce } from "@/lib/jobs/run-once";
import { recordActivity } from "@/lib/services/tickets/record-activity";

const DAY_MS = 86_400_000;
/** Tickets read per query; a workspace with more due is read page by page. */
const BATCH = 200;

export const AUTO_CLOSE_KIND = "auto-close-tickets";

/**
 * Closes the resolved tickets of every workspace with auto-close on that have had no reply (from
 * either side) for its number of days since they were resolved. Each close commits with its own
 * receipt, keyed by the ticket and its resolution time, and only while the ticket is still resolved
 * as read: a second run, or a run racing a reopen, closes nothing twice. Returns how many it closed.
 */
export async function autoCloseTickets(now = new Date()): Promise<number> {
  const workflows = await prisma.caseWorkflow.findMany({
    where: { autoCloseDays: { not: null } },
    select: { workspaceId: true, autoCloseDays: true },
  });
  let closed = 0;
  for (const { workspaceId, autoCloseDays } of workflows) {
    const days = autoCloseDays!;
    const cutoff = new Date(now.getTime() - days * DAY_MS);
    const system: ActorContext = { workspaceId, userId: null, role: null, via: "system" };
    let after: string | undefined;
    for (;;) {
      const due = await prisma.ticket.findMany({
        where: {
          workspaceId,
          status: "resolved",
          resolvedAt: { lte: cutoff },
          messages: { none: { kind: "reply", createdAt: { gt: cutoff } } },
          ...(after ? { id: { gt: after } } : {}),
        },
        orderBy: { id: "asc" },
        take: BATCH,
        select: { id: true, resolvedAt: true, caseStatus: { select: { name: true } } },
      });
      for (const ticket of due) {
        await runOnce(AUTO_CLOSE_KIND, `${ticket.id}:${ticket.resolvedAt!.toISOString()}`, async (tx) => {
          const { count } = await tx.ticket.updateMany({
            where: { id: ticket.id, workspaceId, status: "resolved", resolvedAt: ticket.resolvedAt },
            data: { status: "closed", caseStatusId: null, closedAt: now, updatedAt: now },
          });
          if (count === 0) return;
          await recordActivity(tx, system, {
            ticketId: ticket.id,
            action: "auto_close",
            changes: {
              status: { from: "resolved", to: "closed" },
              ...(ticket.caseStatus ? { case_status: { from: ticket.caseStatus.name, to: null } } : {}),
              after_days: days,
            },
          });
          closed++;
        });
      }
      if (due.length < BATCH) break;
      after = due.at(-1)!.id;
    }
  }
  return closed;
}
