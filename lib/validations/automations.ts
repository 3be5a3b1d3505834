import { z } from "zod";
import { blankToUndefined, fromDigits, IdSchema, LimitSchema } from "@/lib/validations/common";
import { ChannelSchema, TagNamesSchema, TicketPrioritySchema, TicketStatusSchema } from "@/lib/validations/tickets";

/**
 * What starts a rule. Each is a domain event type, except message.received: a message.created
 * event whose author is the customer (agents' own replies and notes do not start rules).
 */
export const AUTOMATION_TRIGGERS = [
  "ticket.created",
  "ticket.updated",
  "message.received",
  "sla.due_soon",
  "sla.breached",
  "csat.rated",
] as const;
export type AutomationTrigger = (typeof AUTOMATION_TRIGGERS)[number];

export const TRIGGER_LABELS: Record<AutomationTrigger, string> = {
  "ticket.created": "A ticket is created",
  "ticket.updated": "A ticket is updated",
  "message.received": "A customer message arrives",
  "sla.due_soon": "An SLA target is due soon",
  "sla.breached": "An SLA target is breached",
  "csat.rated": "A customer rates the support",
};

export const AutomationTriggerSchema = z.enum(AUTOMATION_TRIGGERS, {
  error: `trigger must be one of ${AUTOMATION_TRIGGERS.join(", ")}`,
});

/** A rule's chain stops at this depth: an event made by rules this many links deep starts no further rule. */
export const MAX_CHAIN_DEPTH = 3;

const text = (field: string) =>
  z
    .string({ error: `${field} must be text` })
    .trim()
    .min(1, `${field} cannot be empty`)
    .max(200, `${field} is at most 200 characters`);

const TagNameSchema = TagNamesSchema.element;

/** Conditions: every one must hold. Text matches ignore case. */
export const AutomationConditionSchema = z.discriminatedUnion(
  "field",
  [
    z.strictObject({ field: z.literal("channel"), value: ChannelSchema }),
    z.strictObject({ field: z.literal("subject_contains"), value: text("value") }),
    z.strictObject({ field: z.literal("body_contains"), value: text("value") }),
    /** The subject or the message body contains the text. */
    z.strictObject({ field: z.literal("text_contains"), value: text("value") }),
    z.strictObject({ field: z.literal("has_tag"), value: TagNameSchema }),
    z.strictObject({ field: z.literal("priority"), value: TicketPrioritySchema }),
    /** A team id, or "none" for tickets without a team. */
    z.strictObject({ field: z.literal("team"), value: IdSchema }),
    /** A company id: the contact writes from one of its domains or names it as their company. */
    z.strictObject({ field: z.literal("company"), value: IdSchema }),
    z.strictObject({
      field: z.literal("business_hours"),
      value: z.enum(["within", "outside"], { error: "value must be within or outside" }),
    }),
  ],
  {
    error:
      "field must be one of channel, subject_contains, body_contains, text_contains, has_tag, priority, team, company, business_hours",
  },
);
export type AutomationCondition = z.output<typeof AutomationConditionSchema>;
export type ConditionField = AutomationCondition["field"];

export const CONDITION_LABELS: Record<ConditionField, string> = {
  channel: "Channel is",
  subject_contains: "Subject contains",
  body_contains: "Message contains",
  text_contains: "Subject or message contains",
  has_tag: "Has tag",
  priority: "Priority is",
  team: "Team is",
  company: "Contact's company is",
  business_hours: "Business hours",
};

/** Actions run in order, each through the ticket service that owns it, as the system. */
export const AutomationActionSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({ type: z.literal("assign_team"), team: IdSchema }),
    z.strictObject({ type: z.literal("assign_agent"), agent: IdSchema }),
    /** Hands the ticket to its team's online member who was auto-assigned least recently. */
    z.strictObject({ type: z.literal("round_robin") }),
    z.strictObject({ type: z.literal("add_tag"), tag: TagNameSchema }),
    z.strictObject({ type: z.literal("set_priority"), priority: TicketPrioritySchema }),
    z.strictObject({ type: z.literal("set_status"), status: TicketStatusSchema }),
    z.strictObject({ type: z.literal("apply_macro"), macro: IdSchema }),
    /** Sends the event to one of the workspace's webhook endpoints, whatever events it subscribes to. */
    z.strictObject({ type: z.literal("send_webhook"), webhook: IdSchema }),
    /** Notifies an agent (a user id) or whoever the ticket is assigned to ("assignee"). */
    z.strictObject({
      type: z.literal("notify"),
      to: IdSchema,
      message: z.preprocess(
        blankToUndefined,
        z.string().trim().max(300, "message is at most 300 characters").optional(),
      ),
    }),
  ],
  {
    error:
      "type must be one of assign_team, assign_agent, round_robin, add_tag, set_priority, set_status, apply_macro, send_webhook, notify",
  },
);
export type AutomationAction = z.output<typeof AutomationActionSchema>;
export type ActionType = AutomationAction["type"];

export const ACTION_LABELS: Record<ActionType, string> = {
  assign_team: "Assign to team",
  assign_agent: "Assign to agent",
  round_robin: "Round-robin within the team",
  add_tag: "Add tag",
  set_priority: "Set priority",
  set_status: "Set status",
  apply_macro: "Apply macro",
  send_webhook: "Send to webhook",
  notify: "Notify",
};

export const ConditionsSchema = z.array(AutomationConditionSchema).max(20, "at most 20 conditions");
export const ActionsSchema = z
  .array(AutomationActionSchema)
  .min(1, "give the rule at least one action")
  .max(20, "at most 20 actions");

const NameSchema = z
  .string({ error: "name is required" })
  .trim()
  .min(1, "name is required")
  .max(80, "name is at most 80 characters");

export const CreateAutomationSchema = z.object({
  name: NameSchema,
  trigger: AutomationTriggerSchema,
  conditions: ConditionsSchema.default([]),
  actions: ActionsSchema,
  enabled: z.boolean({ error: "enabled must be true or false" }).default(true),
});
export type CreateAutomationInput = z.input<typeof CreateAutomationSchema>;

export const AutomationRefSchema = z.object({ automation: IdSchema });
export type AutomationRefInput = z.input<typeof AutomationRefSchema>;

/** Change a rule: the fields given replace the old ones (conditions and actions as a whole). */
export const UpdateAutomationSchema = AutomationRefSchema.extend({
  name: NameSchema.optional(),
  trigger: AutomationTriggerSchema.optional(),
  conditions: ConditionsSchema.optional(),
  actions: ActionsSchema.optional(),
  enabled: z.boolean({ error: "enabled must be true or false" }).optional(),
  /** 1-based place in the workspace's rule order; the others move to make room. */
  position: fromDigits(
    z
      .number({ error: "position must be a number" })
      .int("position must be a whole number")
      .min(1, "position starts at 1"),
  ).optional(),
});
export type UpdateAutomationInput = z.input<typeof UpdateAutomationSchema>;

export const ListAutomationsSchema = z.object({
  trigger: z.preprocess(blankToUndefined, AutomationTriggerSchema.optional()),
});
export type ListAutomationsInput = z.input<typeof ListAutomationsSchema>;

export const RUN_OUTCOMES = ["ran", "no_match", "loop", "depth_cap", "failed"] as const;
export type RunOutcome = (typeof RUN_OUTCOMES)[number];

export const ListAutomationRunsSchema = z.object({
  automation: z.preprocess(blankToUndefined, IdSchema.optional()),
  /** Only runs whose conditions held (the rule ran or was stopped by loop protection). */
  matched: z.boolean({ error: "matched must be true or false" }).optional(),
  limit: LimitSchema,
});
export type ListAutomationRunsInput = z.input<typeof ListAutomationRunsSchema>;
