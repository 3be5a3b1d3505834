import "server-only";
import { scopeAllows, type Scope } from "@/lib/auth/scopes";
import { inWorkspace, type ActorContext } from "@/lib/context";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findTicketOrThrow } from "@/lib/services/tickets/find-ticket";
import { renderTemplate, type PlaceholderValues } from "@/lib/templates/placeholders";
import type { MacroActions } from "@/lib/validations/macros";

type Db = Prisma.TransactionClient;

export type MacroStep = "team" | "assignee" | "priority" | "add_tags" | "remove_tags" | "reply" | "note" | "status";

/** One action's outcome: preview says change / unchanged / refused, apply says done / unchanged / refused. */
export type MacroStepResult = {
  action: MacroStep;
  result: "change" | "done" | "unchanged" | "refused";
  /** In words: "priority normal → urgent", "reply sent". */
  summary: string;
  /** For a refusal: the error code (not_found, user_required, insufficient_scope…) and its message. */
  code?: string;
  message?: string;
};

/** The steps a macro's actions make, in the order they are applied. */
export function stepsOf(actions: MacroActions): MacroStep[] {
  const steps: MacroStep[] = [];
  if (actions.team) steps.push("team");
  if (actions.assignee) steps.push("assignee");
  if (actions.priority) steps.push("priority");
  if (actions.add_tags?.length) steps.push("add_tags");
  if (actions.remove_tags?.length) steps.push("remove_tags");
  if (actions.message) steps.push(actions.message.kind);
  if (actions.status) steps.push("status");
  return steps;
}

const STEP_SCOPE: Record<MacroStep, Scope> = {
  team: "tickets:write",
  assignee: "tickets:write",
  priority: "tickets:write",
  status: "tickets:write",
  add_tags: "tags:write",
  remove_tags: "tags:write",
  reply: "messages:write",
  note: "messages:write",
};

/** A step the credential's scopes do not cover (web sessions carry no scope list and may do all). */
export function scopeRefusal(ctx: ActorContext, step: MacroStep): MacroStepResult | null {
  const needed = STEP_SCOPE[step];
  if (!ctx.scopes || scopeAllows(ctx.scopes, needed)) return null;
  return {
    action: step,
    result: "refused",
    summary: `${step.replace("_", " ")} skipped`,
    code: "insufficient_scope",
    message: `This credential lacks the ${needed} scope.`,
  };
}

export const TICKET_STATE_SELECT = {
  id: true,
  number: true,
  subject: true,
  status: true,
  priority: true,
  team: { select: { id: true, name: true } },
  assignee: { select: { id: true, name: true } },
  contact: { select: { name: true } },
  tags: { select: { tag: { select: { name: true } } } },
} satisfies Prisma.TicketSelect;

export async function loadTicketState(db: Db, ctx: ActorContext, number: number) {
  return findTicketOrThrow(db, ctx, number, TICKET_STATE_SELECT);
}
type TicketState = Awaited<ReturnType<typeof loadTicketState>>;

/** The values a macro's reply or a snippet is rendered with for this ticket and actor. */
export async function placeholderValues(
  db: Db,
  ctx: ActorContext,
  ticket: Pick<TicketState, "number" | "subject" | "contact">,
): Promise<PlaceholderValues> {
  const agent = ctx.userId ? await db.user.findUnique({ where: { id: ctx.userId }, select: { name: true } }) : null;
  return {
    contact: ticket.contact ? { name: ticket.contact.name } : null,
    ticket: { number: ticket.number, subject: ticket.subject },
    agent: agent ? { name: agent.name } : null,
  };
}

export function renderMessage(actions: MacroActions, values: PlaceholderValues) {
  return actions.message ? { kind: actions.message.kind, body: renderTemplate(actions.message.body, values) } : null;
}

const refused = (action: MacroStep, code: string, message: string): MacroStepResult => ({
  action,
  result: "refused",
  summary: `${action.replace("_", " ")} skipped`,
  code,
  message,
});

/** What applying the actions would do to the ticket as it is now, without changing anything. */
export async function planMacro(
  db: Db,
  ctx: ActorContext,
  actions: MacroActions,
  ticket: TicketState,
): Promise<MacroStepResult[]> {
  const tags = ticket.tags.map((t) => t.tag.name);
  const results: MacroStepResult[] = [];
  let status = ticket.status;
  for (const step of stepsOf(actions)) {
    const scope = scopeRefusal(ctx, step);
    if (scope) {
      results.push(scope);
      continue;
    }
    switch (step) {
      case "team": {
        const team = await db.team.findFirst({
          where: { ...inWorkspace(ctx), id: actions.team! },
          select: { id: true, name: true },
        });
        if (!team) results.push(refused(step, "not_found", "Team was not found in this workspace."));
        else if (team.id === ticket.team?.id)
          results.push({ action: step, result: "unchanged", summary: `team stays ${team.name}` });
        else
          results.push({
            action: step,
            result: "change",
            summary: `team ${ticket.team?.name ?? "none"} → ${team.name}`,
          });
        break;
      }
      case "assignee": {
        let agent: { id: string; name: string } | null = null;
        if (actions.assignee === "me") {
          if (!ctx.userId) {
            results.push(refused(step, "user_required", '"me" needs a user: use a user-bound credential.'));
            break;
          }
          agent = await db.user.findUnique({ where: { id: ctx.userId }, select: { id: true, name: true } });
        } else if (actions.assignee !== "unassigned") {
          const member = await db.membership.findFirst({
            where: {
              ...inWorkspace(ctx),
              userId: actions.assignee!,
              deactivatedAt: null,
              user: { deactivatedAt: null },
            },
            select: { user: { select: { id: true, name: true } } },
          });
          if (!member) {
            results.push(refused(step, "not_found", "Agent was not found in this workspace."));
            break;
          }
          agent = member.user;
        }
        if ((agent?.id ?? null) === (ticket.assignee?.id ?? null))
          results.push({ action: step, result: "unchanged", summary: `assignee stays ${agent?.name ?? "nobody"}` });
        else
          results.push({
            action: step,
            result: "change",
            summary: `assignee ${ticket.assignee?.name ?? "nobody"} → ${agent?.name ?? "nobody"}`,
          });
        break;
      }
      case "priority":
        results.push(
          actions.priority === ticket.priority
            ? { action: step, result: "unchanged", summary: `priority stays ${ticket.priority}` }
            : { action: step, result: "change", summary: `priority ${ticket.priority} → ${actions.priority}` },
        );
        break;
      case "add_tags": {
        const added = [...new Set(actions.add_tags)].filter((t) => !tags.includes(t));
        tags.push(...added);
        results.push(
          added.length
            ? { action: step, result: "change", summary: `add tags ${added.join(", ")}` }
            : { action: step, result: "unchanged", summary: "tags already on the ticket" },
        );
        break;
      }
      case "remove_tags": {
        const removed = [...new Set(actions.remove_tags)].filter((t) => tags.includes(t));
        results.push(
          removed.length
            ? { action: step, result: "change", summary: `remove tags ${removed.join(", ")}` }
            : { action: step, result: "unchanged", summary: "none of these tags is on the ticket" },
        );
        break;
      }
      case "reply":
      case "note": {
        if (!ctx.userId) {
          results.push(
            refused(step, "user_required", "Messages are written by an agent: use a user-bound credential."),
          );
          break;
        }
        if (step === "reply" && status === "open") status = "pending";
        results.push({
          action: step,
          result: "change",
          summary: step === "reply" ? "send the reply" : "add the internal note",
        });
        break;
      }
      case "status":
        results.push(
          actions.status === status
            ? { action: step, result: "unchanged", summary: `status stays ${status}` }
            : { action: step, result: "change", summary: `status ${status} → ${actions.status}` },
        );
        break;
    }
  }
  return results;
}
