import "server-only";
import { roleAtLeast } from "@/lib/auth/roles";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type {
  AutomationAction,
  AutomationCondition,
  AutomationTrigger,
  RunOutcome,
} from "@/lib/validations/automations";

export const AUTOMATION_SELECT = {
  id: true,
  name: true,
  trigger: true,
  conditions: true,
  actions: true,
  position: true,
  enabled: true,
  createdBy: { select: { id: true, name: true } },
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.AutomationRuleSelect;

type AutomationRow = Prisma.AutomationRuleGetPayload<{ select: typeof AUTOMATION_SELECT }>;

export function automationJson(r: AutomationRow) {
  return {
    id: r.id,
    name: r.name,
    trigger: r.trigger as AutomationTrigger,
    conditions: r.conditions as AutomationCondition[],
    actions: r.actions as AutomationAction[],
    position: r.position,
    enabled: r.enabled,
    created_by: r.createdBy,
    created_at: r.createdAt.toISOString(),
    updated_at: r.updatedAt.toISOString(),
  };
}
export type AutomationJson = ReturnType<typeof automationJson>;

export type ActionResult = {
  /** The action, or "rule" for a problem with the rule itself. */
  action: AutomationAction["type"] | "rule";
  result: "done" | "unchanged" | "failed";
  summary: string;
  code?: string;
};

export const RUN_SELECT = {
  id: true,
  ruleId: true,
  rule: { select: { name: true } },
  eventId: true,
  ticket: { select: { number: true } },
  matched: true,
  outcome: true,
  results: true,
  depth: true,
  createdAt: true,
} satisfies Prisma.AutomationRunSelect;

type RunRow = Prisma.AutomationRunGetPayload<{ select: typeof RUN_SELECT }>;

export function runJson(r: RunRow) {
  return {
    id: r.id,
    automation: { id: r.ruleId, name: r.rule.name },
    event_id: r.eventId,
    ticket: r.ticket?.number ?? null,
    matched: r.matched,
    outcome: r.outcome as RunOutcome,
    results: r.results as ActionResult[],
    depth: r.depth,
    created_at: r.createdAt.toISOString(),
  };
}
export type AutomationRunJson = ReturnType<typeof runJson>;

/** Rules act on every ticket of the workspace: admins and owners change them. */
export function requireAutomationAdmin(ctx: ActorContext, what: string) {
  if (!roleAtLeast(ctx.role, "admin"))
    throw new AppError("admin_required", `Only admins and owners ${what}.`, { details: { required_role: "admin" } });
}

export async function findAutomationOrThrow(db: Prisma.TransactionClient, ctx: ActorContext, id: string) {
  const row = await db.automationRule.findFirst({ where: { ...inWorkspace(ctx), id }, select: AUTOMATION_SELECT });
  if (!row) throw notFound("Automation");
  return row;
}

/**
 * Refuses a rule naming a team, agent, macro or company that is not the workspace's, naming the
 * field. Macros must be shared: rules run as the system, which sees no one's personal macros.
 */
export async function checkRuleReferences(
  db: Prisma.TransactionClient,
  ctx: ActorContext,
  conditions: readonly AutomationCondition[],
  actions: readonly AutomationAction[],
) {
  const fields: Record<string, string[]> = {};
  const ws = inWorkspace(ctx);
  for (const [i, c] of conditions.entries()) {
    if (c.field === "team" && c.value !== "none") {
      if (!(await db.team.findFirst({ where: { ...ws, id: c.value }, select: { id: true } })))
        fields[`conditions.${i}.value`] = ['no team with this id in the workspace (see list_teams), or "none"'];
    }
    if (c.field === "company") {
      if (!(await db.company.findFirst({ where: { ...ws, id: c.value }, select: { id: true } })))
        fields[`conditions.${i}.value`] = ["no company with this id in the workspace (see list_companies)"];
    }
  }
  const isAgent = async (userId: string) =>
    !!(await db.membership.findFirst({
      where: { ...ws, userId, deactivatedAt: null, user: { deactivatedAt: null } },
      select: { id: true },
    }));
  for (const [i, a] of actions.entries()) {
    if (a.type === "assign_team") {
      if (!(await db.team.findFirst({ where: { ...ws, id: a.team }, select: { id: true } })))
        fields[`actions.${i}.team`] = ["no team with this id in the workspace (see list_teams)"];
    }
    if (a.type === "assign_agent" && !(await isAgent(a.agent)))
      fields[`actions.${i}.agent`] = ["no active agent with this id in the workspace (see list_agents)"];
    if (a.type === "notify" && a.to !== "assignee" && !(await isAgent(a.to)))
      fields[`actions.${i}.to`] = [
        'no active agent with this id in the workspace: use an id from list_agents or "assignee"',
      ];
    if (
      a.type === "send_webhook" &&
      !(await db.webhookEndpoint.findFirst({ where: { ...ws, id: a.webhook }, select: { id: true } }))
    )
      fields[`actions.${i}.webhook`] = ["no webhook endpoint with this id in the workspace (see list_webhooks)"];
    if (a.type === "apply_macro") {
      if (!(await db.macro.findFirst({ where: { ...ws, id: a.macro, ownerUserId: null }, select: { id: true } })))
        fields[`actions.${i}.macro`] = [
          "no shared macro with this id in the workspace (rules apply shared macros only)",
        ];
    }
  }
  if (Object.keys(fields).length) {
    const summary = Object.entries(fields)
      .map(([f, m]) => `${f}: ${m.join("; ")}`)
      .join(", ");
    throw new AppError("validation_error", `Invalid input (${summary}).`, { fields });
  }
}
