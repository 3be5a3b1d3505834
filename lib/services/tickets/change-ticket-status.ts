import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ActorContext } from "@/lib/context";
import type { TicketStatus } from "@/lib/generated/prisma/enums";
import { AppError, parseInput } from "@/lib/errors";
import { findCaseStatusOrThrow } from "@/lib/services/case-statuses/shared";
import { issueCsatRequest } from "@/lib/services/csat/shared";
import { applyTicketSla } from "@/lib/services/sla/apply-ticket-sla";
import { assertNoNewerMessages } from "@/lib/services/tickets/assert-no-newer-messages";
import { findTicketOrThrow } from "@/lib/services/tickets/find-ticket";
import { inTransaction } from "@/lib/services/tickets/in-transaction";
import { FOLLOW_UP_SELECT, openFollowUp, reopenWindowPassed } from "@/lib/services/tickets/follow-up";
import { recordActivity } from "@/lib/services/tickets/record-activity";
import { StatusChangeSchema } from "@/lib/validations/tickets";

export type ChangeTicketStatusOptions = {
  ticket: number | string;
  /** The base status to move to; left out, the sub-status's base status. */
  to?: TicketStatus;
  /**
   * A sub-status id (its base status comes with it), null to clear it, or left out: kept when the
   * base status stays, cleared when the base status changes to another.
   */
  caseStatus?: string | null;
  action: string;
  /** The newest message the caller read: a newer one makes the change a conflict. */
  lastSeenMessageId?: string;
};

type CaseStatusRef = { id: string; name: string; color: string };

export type StatusChangeResult = {
  ticket: number;
  status: TicketStatus;
  case_status: CaseStatusRef | null;
  changed: boolean;
  /** When the ticket was closed past the workspace's reopen window: its follow-up ticket, opened instead. */
  follow_up: number | null;
};

/**
 * The one place a ticket's status moves; resolve-ticket, reopen-ticket and set-ticket-status name
 * the verbs. A ticket's sub-status always belongs to its status. A closed ticket past the workspace's
 * reopen window stays closed: moving it out of closed opens a linked follow-up ticket instead (or
 * names the follow-up still being worked). Resolving issues the customer's CSAT rating request.
 */
export async function changeTicketStatus(
  ctx: ActorContext,
  options: ChangeTicketStatusOptions,
  db?: Prisma.TransactionClient,
): Promise<StatusChangeResult> {
  const { ticket: number } = parseInput(StatusChangeSchema, { ticket: options.ticket });
  return inTransaction(db, async (tx) => {
    const ticket = await findTicketOrThrow(tx, ctx, number, {
      ...FOLLOW_UP_SELECT,
      caseStatus: { select: { id: true, name: true, color: true } },
    });
    await assertNoNewerMessages(tx, ctx, ticket, options.lastSeenMessageId);
    let target: TicketStatus;
    let caseStatus: CaseStatusRef | null;
    if (typeof options.caseStatus === "string") {
      const found = await findCaseStatusOrThrow(tx, ctx, options.caseStatus);
      if (options.to && options.to !== found.baseStatus)
        throw new AppError(
          "validation_error",
          `Invalid input (case_status: "${found.name}" is a ${found.baseStatus} status, not ${options.to}).`,
          { fields: { case_status: [`"${found.name}" is a ${found.baseStatus} status, not ${options.to}`] } },
        );
      target = found.baseStatus;
      caseStatus = { id: found.id, name: found.name, color: found.color };
    } else {
      target = options.to ?? ticket.status;
      caseStatus = options.caseStatus === null || target !== ticket.status ? null : ticket.caseStatus;
    }
    const unchanged = { ticket: number, status: ticket.status, case_status: ticket.caseStatus, changed: false };
    if (target === ticket.status && caseStatus?.id === ticket.caseStatus?.id) return { ...unchanged, follow_up: null };

    const now = new Date();
    if (target !== "closed" && (await reopenWindowPassed(tx, ctx, ticket, now))) {
      const followUp = await openFollowUp(tx, ctx, ticket, {
        status: target,
        caseStatusId: caseStatus?.id ?? null,
        reason: "reopen",
      });
      return { ...unchanged, follow_up: followUp.number };
    }

    const statusMoved = target !== ticket.status;
    await tx.ticket.update({
      where: { id: ticket.id },
      data: {
        status: target,
        caseStatusId: caseStatus?.id ?? null,
        updatedAt: now,
        ...(statusMoved
          ? {
              // Closing a resolved ticket keeps when it was resolved; reopening clears both times.
              resolvedAt: target === "resolved" ? now : target === "closed" ? (ticket.resolvedAt ?? now) : null,
              closedAt: target === "closed" ? now : null,
            }
          : {}),
      },
    });
    // The customer's rating request goes out with the resolve, in the same transaction.
    if (statusMoved && target === "resolved") await issueCsatRequest(tx, ctx, ticket, { issuedBy: null, now });
    // Pending, resolved and closed stop the SLA clock; back to open it runs again.
    if (statusMoved) await applyTicketSla(tx, ctx, ticket.id, { now });
    await recordActivity(tx, ctx, {
      ticketId: ticket.id,
      action: options.action,
      changes: {
        ...(statusMoved ? { status: { from: ticket.status, to: target } } : {}),
        ...(caseStatus?.id !== ticket.caseStatus?.id
          ? { case_status: { from: ticket.caseStatus?.name ?? null, to: caseStatus?.name ?? null } }
          : {}),
      },
    });
    return { ticket: number, status: target, case_status: caseStatus, changed: true, follow_up: null };
  });
}
