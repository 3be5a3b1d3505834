import "server-only";
import type { ActorContext } from "@/lib/context";
import { prisma } from "@/lib/db";
import { emitEvent } from "@/lib/events/emit";
import { runOnce } from "@/lib/jobs/run-once";

export const SLA_DUE_SOON_KIND = "sla-due-soon";
/** How long before a target's due time the warning goes out. */
export const SLA_DUE_SOON_MINUTES = 30;
const BATCH = 500;

/**
 * Emits sla.due_soon for every running target due within the next 30 minutes, once per ticket and
 * due time (a target moved later by a pause warns again when it comes near). Reads the
 * (workspaceId, slaDueAt) partial index. Returns how many events it emitted.
 */
export async function emitSlaDueSoon(now = new Date()): Promise<number> {
  const horizon = new Date(now.getTime() + SLA_DUE_SOON_MINUTES * 60_000);
  const workspaces = await prisma.slaPolicy.findMany({ distinct: ["workspaceId"], select: { workspaceId: true } });
  let emitted = 0;
  for (const { workspaceId } of workspaces) {
    const system: ActorContext = { workspaceId, userId: null, role: null, via: "system" };
    const due = await prisma.ticket.findMany({
      where: { workspaceId, slaDueAt: { gt: now, lte: horizon } },
      orderBy: { slaDueAt: "asc" },
      take: BATCH,
      select: { id: true, number: true, slaDueAt: true, firstResponseDueAt: true },
    });
    for (const ticket of due) {
      const dueAt = ticket.slaDueAt!;
      const target = ticket.firstResponseDueAt?.getTime() === dueAt.getTime() ? "first_response" : "resolution";
      const ran = await runOnce(SLA_DUE_SOON_KIND, `${ticket.id}:${dueAt.toISOString()}`, (tx) =>
        emitEvent(tx, system, {
          type: "sla.due_soon",
          ticketId: ticket.id,
          data: { number: ticket.number, target, due_at: dueAt.toISOString() },
        }),
      );
      if (ran) emitted++;
    }
  }
  return emitted;
}
