import "server-only";
import type { ActorContext } from "@/lib/context";
import { prisma } from "@/lib/db";
import { AppError, parseInput } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { findVisibleMacro } from "@/lib/services/macros/macro-access";
import {
  loadTicketState,
  placeholderValues,
  renderMessage,
  scopeRefusal,
  stepsOf,
  type MacroStep,
  type MacroStepResult,
} from "@/lib/services/macros/plan-macro";
import { addInternalNote } from "@/lib/services/tickets/add-internal-note";
import { addTicketTags } from "@/lib/services/tickets/add-ticket-tags";
import { assignTicket } from "@/lib/services/tickets/assign-ticket";
import { changeTicketStatus } from "@/lib/services/tickets/change-ticket-status";
import { removeTicketTags } from "@/lib/services/tickets/remove-ticket-tags";
import { proposeDraftReply } from "@/lib/services/drafts/propose-draft-reply";
import { repliesAreDrafts } from "@/lib/services/drafts/replies-are-drafts";
import { replyToTicket } from "@/lib/services/tickets/reply-to-ticket";
import { transferTicket } from "@/lib/services/tickets/transfer-ticket";
import { updateTicket } from "@/lib/services/tickets/update-ticket";
import { ApplyMacroSchema, type ApplyMacroInput, type MacroActions } from "@/lib/validations/macros";

type Db = Prisma.TransactionClient;
type Outcome = Omit<MacroStepResult, "action">;

const done = (changed: boolean, yes: string, no: string): Outcome =>
  changed ? { result: "done", summary: yes } : { result: "unchanged", summary: no };

/** Runs one step through the ticket service that owns it, in the macro's transaction. */
async function runStep(
  tx: Db,
  ctx: ActorContext,
  step: MacroStep,
  actions: MacroActions,
  ticket: number,
  message: { kind: string; body: string } | null,
): Promise<Outcome> {
  switch (step) {
    case "team": {
      const r = await transferTicket(ctx, { ticket, team: actions.team! }, tx);
      return done(r.changed, `team → ${r.team.name}`, `team stays ${r.team.name}`);
    }
    case "assignee": {
      const assignee = actions.assignee === "unassigned" ? null : actions.assignee!;
      const r = await assignTicket(ctx, { ticket, assignee }, tx);
      const name = r.assignee?.name ?? "nobody";
      return done(r.changed, `assignee → ${name}`, `assignee stays ${name}`);
    }
    case "priority": {
      const r = await updateTicket(ctx, { ticket, priority: actions.priority }, tx);
      return done(r.changed, `priority → ${r.priority}`, `priority stays ${r.priority}`);
    }
    case "add_tags": {
      const r = await addTicketTags(ctx, { ticket, tags: actions.add_tags! }, tx);
      return done(r.added.length > 0, `added tags ${r.added.join(", ")}`, "tags already on the ticket");
    }
    case "remove_tags": {
      const r = await removeTicketTags(ctx, { ticket, tags: actions.remove_tags! }, tx);
      return done(r.removed.length > 0, `removed tags ${r.removed.join(", ")}`, "none of these tags was on the ticket");
    }
    case "reply":
      // Through an MCP client whose replies are drafts, the macro's reply waits for an agent too.
      if (await repliesAreDrafts(ctx, tx)) {
        await proposeDraftReply(ctx, { ticket, body: message!.body }, tx);
        return { result: "done", summary: "reply proposed as a draft for an agent to send" };
      }
      await replyToTicket(ctx, { ticket, body: message!.body }, tx);
      return { result: "done", summary: "reply sent" };
    case "note":
      await addInternalNote(ctx, { ticket, body: message!.body }, tx);
      return { result: "done", summary: "internal note added" };
    case "status": {
      const before = await tx.ticket.findUniqueOrThrow({
        where: { workspaceId_number: { workspaceId: ctx.workspaceId, number: ticket } },
        select: { status: true },
      });
      const to = actions.status!;
      const action =
        to === "resolved"
          ? "resolve"
          : to === "open" && (before.status === "resolved" || before.status === "closed")
            ? "reopen"
            : "status";
      const r = await changeTicketStatus(ctx, { ticket, to, action }, tx);
      return done(r.changed, `status → ${r.status}`, `status stays ${r.status}`);
    }
  }
}

/**
 * Runs a macro's actions on a ticket in the caller's transaction (apply_macro, and automation rules
 * that apply one), each step through the ticket service that owns it and every activity row naming
 * the macro. An action the actor may not take (a missing team, no user for a reply, a scope the
 * credential lacks) is reported as refused and the others still apply. Counts the use.
 */
export async function applyMacroInTransaction(tx: Db, ctx: ActorContext, id: string, number: number) {
  const macro = await findVisibleMacro(tx, ctx, id);
  const ticket = await loadTicketState(tx, ctx, number);
  const actions = macro.actions as MacroActions;
  const message = renderMessage(actions, await placeholderValues(tx, ctx, ticket));
  const macroCtx: ActorContext = { ...ctx, macro: { id: macro.id, name: macro.name } };
  const results: MacroStepResult[] = [];
  for (const step of stepsOf(actions)) {
    const scope = scopeRefusal(ctx, step);
    if (scope) {
      results.push(scope);
      continue;
    }
    try {
      results.push({ action: step, ...(await runStep(tx, macroCtx, step, actions, number, message)) });
    } catch (error) {
      // Refusals are thrown before a step writes anything, so the transaction carries on.
      if (!(error instanceof AppError)) throw error;
      results.push({
        action: step,
        result: "refused",
        summary: `${step.replace("_", " ")} skipped`,
        code: error.code,
        message: error.message,
      });
    }
  }
  // Keep updatedAt for edits: using a macro is not changing it.
  const used = await tx.macro.update({
    where: { id: macro.id },
    data: { usageCount: { increment: 1 }, lastUsedAt: new Date(), updatedAt: macro.updatedAt },
    select: { usageCount: true },
  });
  return { macro: { id: macro.id, name: macro.name }, message, results, usage_count: used.usageCount };
}

/** Applies a macro to a ticket in one transaction of its own, and audits the use. */
export async function applyMacro(ctx: ActorContext, input: ApplyMacroInput) {
  const { macro: id, ticket: number } = parseInput(ApplyMacroSchema, input);
  const outcome = await prisma.$transaction((tx) => applyMacroInTransaction(tx, ctx, id, number), {
    timeout: 20_000,
  });
  const count = (r: MacroStepResult["result"]) => outcome.results.filter((x) => x.result === r).length;
  await recordAudit(ctx, {
    action: "macro.apply",
    details: {
      macro_id: outcome.macro.id,
      ticket: number,
      done: count("done"),
      unchanged: count("unchanged"),
      refused: count("refused"),
    },
  });
  return {
    macro: outcome.macro,
    ticket: number,
    results: outcome.results,
    usage_count: outcome.usage_count,
  };
}
