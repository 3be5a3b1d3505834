import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { runOnce } from "@/lib/jobs/run-once";
import { applyTicketSla } from "@/lib/services/sla/apply-ticket-sla";

/** Tickets read per query; a workspace with more past due is read batch by batch. */
const BATCH = 200;
/** Batches per workspace and run: a backlog larger than this is finished by the next run. */
const MAX_BATCHES = 50;

export const SLA_BREACH_KIND = "sla-breaches";

/**
 * Flags the tickets whose running SLA target came due: for each, through the (workspace, slaDueAt)
 * partial index, the ticket's SLA is recomputed at `now` under a row lock, which marks the target
 * missed, sets breachedAt, writes the breach to the ticket's history and moves slaDueAt to the next
 * target (or clears it). Each ticket commits with a receipt keyed by the due time it passed: a second
 * delivery, or a ticket write racing the job, flags nothing twice. Returns how many tickets it flagged.
 */
export async function markSlaBreaches(now = new Date()): Promise<number> {
  const workspaces = await prisma.slaPolicy.findMany({ distinct: ["workspaceId"], select: { workspaceId: true } });
  let flagged = 0;
  for (const { workspaceId } of workspaces) {
    const system: ActorContext = { workspaceId, userId: null, role: null, via: "system" };
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const due = await prisma.ticket.findMany({
        where: { workspaceId, slaDueAt: { lte: now } },
        orderBy: { slaDueAt: "asc" },
        take: BATCH,
        select: { id: true, slaDueAt: true },
      });
      for (const ticket of due) {
        const ran = await runOnce(SLA_BREACH_KIND, `${ticket.id}:${ticket.slaDueAt!.toISOString()}`, async (tx) => {
          await tx.$executeRaw`SELECT 1 FROM "public"."Ticket" WHERE "id" = ${ticket.id} FOR UPDATE`;
          await applyTicketSla(tx, system, ticket.id, { now });
          // Whatever the recompute found, this due time is settled: a ticket the recompute could not
          // move (its policy gone) leaves the index rather than coming back every run.
          await tx.ticket.updateMany({
            where: { id: ticket.id, slaDueAt: { lte: now } },
            data: { slaDueAt: null },
          });
        });
        if (ran) flagged++;
      }
      if (due.length < BATCH) break;
    }
  }
  return flagged;
}
