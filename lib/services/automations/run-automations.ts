import "server-only";
import { queueWebhookDeliveries } from "@/lib/services/webhooks/fan-out-event";
import type { ActorContext } from "@/lib/context";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DomainEvent } from "@/lib/events/types";
import { runOnce } from "@/lib/jobs/run-once";
import { autoAssignToTeam } from "@/lib/services/agent-status/auto-assign";
import { evaluateConditions, type RuleFacts } from "@/lib/services/automations/conditions";
import type { ActionResult } from "@/lib/services/automations/shared";
import { applyMacroInTransaction } from "@/lib/services/macros/apply-macro";
import { createNotifications, mailNotifications } from "@/lib/services/notifications/create-notifications";
import { readCalendar } from "@/lib/services/sla/shared";
import { triggerOf } from "@/lib/services/automations/trigger";
import { addTicketTags } from "@/lib/services/tickets/add-ticket-tags";
import { assignTicket } from "@/lib/services/tickets/assign-ticket";
import { changeTicketStatus } from "@/lib/services/tickets/change-ticket-status";
import { transferTicket } from "@/lib/services/tickets/transfer-ticket";
import { updateTicket } from "@/lib/services/tickets/update-ticket";
import {
  ActionsSchema,
  ConditionsSchema,
  MAX_CHAIN_DEPTH,
  type AutomationAction,
  type RunOutcome,
} from "@/lib/validations/automations";

export const AUTOMATIONS_KIND = "run-automations";

type Db = Prisma.TransactionClient;

/** What the conditions read, loaded once per event before any rule acts. */
async function loadFacts(event: DomainEvent): Promise<(RuleFacts & { number: number }) | null> {
  const ticket = await prisma.ticket.findFirst({
    where: { id: event.ticketId!, workspaceId: event.workspaceId },
    select: {
      id: true,
      number: true,
      channel: true,
      subject: true,
      priority: true,
      teamId: true,
      tags: { select: { tag: { select: { name: true } } } },
      contact: { select: { email: true, company: true, emails: { select: { email: true } } } },
    },
  });
  if (!ticket) return null;
  const messageId = typeof event.data.message_id === "string" ? event.data.message_id : null;
  const message = await prisma.message.findFirst({
    where: messageId ? { id: messageId, ticketId: ticket.id } : { ticketId: ticket.id, authorType: "contact" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { body: true },
  });
  const contact = ticket.contact;
  const domains = contact
    ? [
        ...new Set(
          [contact.email, ...contact.emails.map((e) => e.email)].flatMap((e) =>
            e?.includes("@") ? [e.split("@")[1]!] : [],
          ),
        ),
      ]
    : [];
  const companies = contact
    ? await prisma.company.findMany({
        where: {
          workspaceId: event.workspaceId,
          OR: [
            ...(domains.length ? [{ domains: { hasSome: domains } }] : []),
            ...(contact.company ? [{ name: { equals: contact.company, mode: "insensitive" as const } }] : []),
          ],
        },
        select: { id: true },
      })
    : [];
  return {
    number: ticket.number,
    channel: ticket.channel,
    subject: ticket.subject,
    body: message?.body ?? null,
    tags: ticket.tags.map((t) => t.tag.name.toLowerCase()),
    priority: ticket.priority,
    teamId: ticket.teamId,
    companyIds: contact && (domains.length || contact.company) ? companies.map((c) => c.id) : [],
    at: event.createdAt,
    calendar: await readCalendar(prisma, event.workspaceId),
  };
}

const outcomeOf = (changed: boolean, yes: string, no: string): Omit<ActionResult, "action"> =>
  changed ? { result: "done", summary: yes } : { result: "unchanged", summary: no };

/** Runs one action through the service that owns it, in the rule's transaction. */
async function runAction(
  tx: Db,
  ctx: ActorContext,
  action: AutomationAction,
  ticket: number,
  notify: (userId: string, message: string | undefined) => Promise<boolean>,
  sendWebhook: (endpointId: string) => Promise<string | null>,
): Promise<Omit<ActionResult, "action">> {
  switch (action.type) {
    case "assign_team": {
      const r = await transferTicket(ctx, { ticket, team: action.team }, tx);
      return outcomeOf(r.changed, `team → ${r.team.name}`, `team stays ${r.team.name}`);
    }
    case "assign_agent": {
      const r = await assignTicket(ctx, { ticket, assignee: action.agent }, tx);
      const name = r.assignee?.name ?? "nobody";
      return outcomeOf(r.changed, `assignee → ${name}`, `assignee stays ${name}`);
    }
    case "round_robin": {
      const t = await tx.ticket.findUniqueOrThrow({
        where: { workspaceId_number: { workspaceId: ctx.workspaceId, number: ticket } },
        select: { id: true, teamId: true, assignee: { select: { name: true } } },
      });
      if (!t.teamId) return { result: "unchanged", summary: "the ticket has no team to rotate within" };
      if (t.assignee) return { result: "unchanged", summary: `already assigned to ${t.assignee.name}` };
      const next = await autoAssignToTeam(tx, ctx, { ticketId: t.id, teamId: t.teamId, always: true });
      return outcomeOf(!!next, `assignee → ${next?.name} (round-robin)`, "nobody on the team is online");
    }
    case "add_tag": {
      const r = await addTicketTags(ctx, { ticket, tags: [action.tag] }, tx);
      return outcomeOf(r.added.length > 0, `added tag ${action.tag}`, `tag ${action.tag} already on the ticket`);
    }
    case "set_priority": {
      const r = await updateTicket(ctx, { ticket, priority: action.priority }, tx);
      return outcomeOf(r.changed, `priority → ${r.priority}`, `priority stays ${r.priority}`);
    }
    case "set_status": {
      const before = await tx.ticket.findUniqueOrThrow({
        where: { workspaceId_number: { workspaceId: ctx.workspaceId, number: ticket } },
        select: { status: true },
      });
      const to = action.status;
      const kind =
        to === "resolved"
          ? "resolve"
          : to === "open" && (before.status === "resolved" || before.status === "closed")
            ? "reopen"
            : "status";
      const r = await changeTicketStatus(ctx, { ticket, to, action: kind }, tx);
      return outcomeOf(r.changed, `status → ${r.status}`, `status stays ${r.status}`);
    }
    case "apply_macro": {
      const r = await applyMacroInTransaction(tx, ctx, action.macro, ticket);
      const done = r.results.filter((s) => s.result === "done").length;
      const refused = r.results.filter((s) => s.result === "refused");
      const summary = `macro ${r.macro.name}: ${done} done${refused.length ? `, ${refused.map((s) => `${s.action} refused (${s.code})`).join(", ")}` : ""}`;
      return { result: done > 0 ? "done" : refused.length ? "failed" : "unchanged", summary };
    }
    case "send_webhook": {
      const url = await sendWebhook(action.webhook);
      return url
        ? { result: "done", summary: `event sent to ${url}` }
        : { result: "unchanged", summary: "the webhook endpoint is gone or turned off" };
    }
    case "notify": {
      let userId = action.to;
      if (userId === "assignee") {
        const t = await tx.ticket.findUniqueOrThrow({
          where: { workspaceId_number: { workspaceId: ctx.workspaceId, number: ticket } },
          select: { assigneeId: true },
        });
        if (!t.assigneeId) return { result: "unchanged", summary: "the ticket has no assignee to notify" };
        userId = t.assigneeId;
      }
      const sent = await notify(userId, action.message);
      return outcomeOf(sent, "notified", "the agent is no longer active");
    }
  }
}

/**
 * Evaluates one rule against one event, once: a matching rule's actions run in order as the system,
 * carrying the chain on, unless the chain already holds this rule (its own changes never start it
 * again) or is as deep as the cap. The run and each action's result are logged either way.
 */
async function runRule(
  event: DomainEvent,
  rule: { id: string; name: string; conditions: unknown; actions: unknown },
  facts: RuleFacts & { number: number },
) {
  const notificationIds: string[] = [];
  const webhookIds: string[] = [];
  await runOnce(AUTOMATIONS_KIND, `${rule.id}:${event.id}`, async (tx) => {
    const depth = event.chain.depth + 1;
    const conditions = ConditionsSchema.safeParse(rule.conditions);
    const actions = ActionsSchema.safeParse(rule.actions);
    let outcome: RunOutcome;
    let matched = false;
    const results: ActionResult[] = [];
    if (!conditions.success || !actions.success) {
      outcome = "failed";
      results.push({
        action: "rule",
        result: "failed",
        summary: "the rule's stored conditions or actions no longer validate",
        code: "invalid_rule",
      });
    } else if (!(matched = evaluateConditions(conditions.data, facts).matched)) {
      outcome = "no_match";
    } else if (event.chain.ruleIds.includes(rule.id)) {
      outcome = "loop";
    } else if (event.chain.depth >= MAX_CHAIN_DEPTH) {
      outcome = "depth_cap";
    } else {
      outcome = "ran";
      const ctx: ActorContext = {
        workspaceId: event.workspaceId,
        userId: null,
        role: null,
        via: "system",
        chain: { depth, ruleIds: [...event.chain.ruleIds, rule.id] },
      };
      const notify = async (userId: string, message: string | undefined) => {
        const ticket = await tx.ticket.findUniqueOrThrow({
          where: { workspaceId_number: { workspaceId: event.workspaceId, number: facts.number } },
          select: { id: true, subject: true },
        });
        const ids = await createNotifications(tx, [
          {
            workspaceId: event.workspaceId,
            userId,
            type: "automation",
            ticketId: ticket.id,
            actorUserId: null,
            title: `${rule.name}: #${facts.number} ${ticket.subject}`,
            body: message ?? null,
            eventId: `${event.id}:${rule.id}`,
          },
        ]);
        notificationIds.push(...ids);
        return ids.length > 0;
      };
      // Deliveries are queued once the rule's changes commit, like its notification mail.
      const sendWebhook = async (endpointId: string) => {
        const endpoint = await tx.webhookEndpoint.findFirst({
          where: { workspaceId: event.workspaceId, id: endpointId, enabled: true },
          select: { id: true, url: true },
        });
        if (!endpoint) return null;
        webhookIds.push(endpoint.id);
        return endpoint.url;
      };
      for (const action of actions.data) {
        try {
          results.push({
            action: action.type,
            ...(await runAction(tx, ctx, action, facts.number, notify, sendWebhook)),
          });
        } catch (error) {
          // Ticket services refuse before writing, so the rule's transaction carries on.
          if (!(error instanceof AppError)) throw error;
          results.push({ action: action.type, result: "failed", summary: error.message, code: error.code });
        }
      }
      if (results.some((r) => r.result === "failed") && !results.some((r) => r.result !== "failed")) outcome = "failed";
    }
    await tx.automationRun.create({
      data: {
        workspaceId: event.workspaceId,
        ruleId: rule.id,
        eventId: event.id,
        ticketId: event.ticketId,
        matched,
        outcome,
        results: results as unknown as Prisma.InputJsonValue,
        depth,
      },
    });
  });
  await mailNotifications(notificationIds);
  await queueWebhookDeliveries(event, webhookIds);
}

/** Runs the workspace's enabled rules for the event's trigger, in order, each against the ticket as the event found it. */
export async function runAutomations(event: DomainEvent) {
  if (!event.ticketId) return;
  const trigger = triggerOf(event);
  if (!trigger) return;
  const rules = await prisma.automationRule.findMany({
    where: { workspaceId: event.workspaceId, trigger, enabled: true },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, name: true, conditions: true, actions: true },
  });
  if (rules.length === 0) return;
  const facts = await loadFacts(event);
  if (!facts) return;
  for (const rule of rules) await runRule(event, rule, facts);
}
