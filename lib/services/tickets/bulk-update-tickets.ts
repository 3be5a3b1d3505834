import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { AppError, parseInput, toAppError, type ErrorCode } from "@/lib/errors";
import type { TicketStatus } from "@/lib/generated/prisma/enums";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { addTicketTags } from "@/lib/services/tickets/add-ticket-tags";
import { assignTicket } from "@/lib/services/tickets/assign-ticket";
import { changeTicketStatus } from "@/lib/services/tickets/change-ticket-status";
import { removeTicketTags } from "@/lib/services/tickets/remove-ticket-tags";
import { transferTicket } from "@/lib/services/tickets/transfer-ticket";
import { updateTicket } from "@/lib/services/tickets/update-ticket";
import { BulkUpdateSchema, type BulkChanges, type BulkUpdateInput } from "@/lib/validations/views";

export type BulkTicketResult = {
  ticket: number;
  result: "done" | "unchanged" | "refused";
  /** The fields this call changed on the ticket. */
  changed: string[];
  error?: { code: ErrorCode; message: string };
};

/** The history's verb for a status a ticket is moved to. */
const STATUS_ACTION: Record<TicketStatus, string> = {
  open: "reopen",
  pending: "status",
  resolved: "resolve",
  closed: "close",
};

/** Applies the change set to one ticket through the ticket verbs, inside one transaction. */
async function applyChanges(ctx: ActorContext, number: number, changes: BulkChanges): Promise<string[]> {
  return prisma.$transaction(async (tx) => {
    const changed: string[] = [];
    if (changes.status) {
      const r = await changeTicketStatus(
        ctx,
        { ticket: number, to: changes.status, action: STATUS_ACTION[changes.status] },
        tx,
      );
      if (r.changed) changed.push("status");
    }
    if (changes.priority) {
      const r = await updateTicket(ctx, { ticket: number, priority: changes.priority }, tx);
      if (r.changed) changed.push("priority");
    }
    if (changes.assignee !== undefined) {
      const r = await assignTicket(ctx, { ticket: number, assignee: changes.assignee }, tx);
      if (r.changed) changed.push("assignee");
    }
    if (changes.team) {
      const r = await transferTicket(ctx, { ticket: number, team: changes.team }, tx);
      if (r.changed) changed.push("team");
    }
    if (changes.add_tags) {
      const r = await addTicketTags(ctx, { ticket: number, tags: changes.add_tags }, tx);
      if (r.added.length > 0) changed.push("tags_added");
    }
    if (changes.remove_tags) {
      const r = await removeTicketTags(ctx, { ticket: number, tags: changes.remove_tags }, tx);
      if (r.removed.length > 0) changed.push("tags_removed");
    }
    return changed;
  });
}

/**
 * One change set over up to 100 tickets, one transaction per ticket: a ticket that refuses (not
 * found, an unknown agent or team) is reported with its error code while the others are changed.
 * Each change is written to its ticket's history by the verb that makes it.
 */
export async function bulkUpdateTickets(ctx: ActorContext, input: BulkUpdateInput) {
  const { tickets, changes } = parseInput(BulkUpdateSchema, input);
  const results: BulkTicketResult[] = [];
  for (const number of tickets) {
    try {
      const changed = await applyChanges(ctx, number, changes);
      results.push({ ticket: number, result: changed.length > 0 ? "done" : "unchanged", changed });
    } catch (error) {
      const appError = error instanceof AppError ? error : toAppError(error);
      // A database outage is the whole call's failure, not one ticket's.
      if (appError.code === "unavailable" || appError.code === "internal_error") throw error;
      results.push({
        ticket: number,
        result: "refused",
        changed: [],
        error: { code: appError.code, message: appError.message },
      });
    }
  }
  const summary = {
    done: results.filter((r) => r.result === "done").length,
    unchanged: results.filter((r) => r.result === "unchanged").length,
    refused: results.filter((r) => r.result === "refused").length,
  };
  await recordAudit(ctx, {
    action: "tickets.bulk_update",
    details: {
      tickets: tickets.length,
      fields: Object.entries(changes).flatMap(([k, v]) => (v === undefined ? [] : [k])),
      ...summary,
    },
  });
  return { results, ...summary };
}
