import { z } from "zod";
import { DESTRUCTIVE, defineTool, IDEMPOTENT_WRITE, READ, WRITE } from "@/lib/mcp/tool";
import { Ref } from "@/lib/mcp/tools/shapes";
import { createAutomation } from "@/lib/services/automations/create-automation";
import { deleteAutomation } from "@/lib/services/automations/delete-automation";
import { getAutomation } from "@/lib/services/automations/get-automation";
import { listAutomationRuns } from "@/lib/services/automations/list-automation-runs";
import { listAutomations } from "@/lib/services/automations/list-automations";
import { updateAutomation } from "@/lib/services/automations/update-automation";
import {
  AUTOMATION_TRIGGERS,
  AutomationRefSchema,
  CreateAutomationSchema,
  ListAutomationRunsSchema,
  ListAutomationsSchema,
  MAX_CHAIN_DEPTH,
  RUN_OUTCOMES,
  UpdateAutomationSchema,
} from "@/lib/validations/automations";

const AutomationShape = z.object({
  id: z.string(),
  name: z.string(),
  trigger: z.enum(AUTOMATION_TRIGGERS),
  conditions: z.array(z.object({ field: z.string(), value: z.string() })),
  actions: z.array(z.object({ type: z.string() }).passthrough()),
  position: z.number().int(),
  enabled: z.boolean(),
  created_by: Ref.nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});

const RunShape = z.object({
  id: z.string(),
  automation: Ref,
  event_id: z.string(),
  ticket: z.number().int().nullable(),
  matched: z.boolean(),
  outcome: z
    .enum(RUN_OUTCOMES)
    .describe("ran; no_match; loop (its own changes led here); depth_cap (the chain is too deep); failed"),
  results: z.array(
    z.object({
      action: z.string(),
      result: z.enum(["done", "unchanged", "failed"]),
      summary: z.string(),
      code: z.string().optional(),
    }),
  ),
  depth: z.number().int(),
  created_at: z.string(),
});

const RULE_HELP = `trigger: ${AUTOMATION_TRIGGERS.join(", ")}. conditions (all must hold): {field, value} with field channel, subject_contains, body_contains, text_contains (subject or message), has_tag, priority, team (id or "none"), company (id), business_hours (within|outside). actions, in order: assign_team {team}, assign_agent {agent}, round_robin, add_tag {tag}, set_priority {priority}, set_status {status}, apply_macro {macro: a shared macro's id}, notify {to: agent id or "assignee", message?}.`;

export const AUTOMATION_TOOLS = [
  defineTool({
    name: "list_automations",
    title: "List automations",
    description:
      "The workspace's automation rules in the order they run, each with its trigger, conditions and actions.",
    input: ListAutomationsSchema,
    output: z.object({ items: z.array(AutomationShape) }),
    scopes: ["automations:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: (ctx, input) => listAutomations(ctx, input),
  }),
  defineTool({
    name: "get_automation",
    title: "Get automation",
    description: "One automation rule (an id from list_automations) with its 10 latest runs.",
    input: AutomationRefSchema,
    output: AutomationShape.extend({ recent_runs: z.array(RunShape) }),
    scopes: ["automations:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: (ctx, input) => getAutomation(ctx, input),
  }),
  defineTool({
    name: "create_automation",
    title: "Create automation",
    description: `Add a rule at the end of the order (admins). ${RULE_HELP} Rules act as the system; a rule never runs on changes its own chain made, and chains stop ${MAX_CHAIN_DEPTH} rules deep.`,
    input: CreateAutomationSchema,
    output: AutomationShape,
    scopes: ["automations:write"],
    role: "admin",
    needsUser: false,
    annotations: WRITE,
    handler: (ctx, input) => createAutomation(ctx, input),
  }),
  defineTool({
    name: "update_automation",
    title: "Update automation",
    description:
      "Change a rule (admins): name, trigger, conditions or actions (each replaced as a whole), enabled to turn it on or off, position (1 = runs first) to reorder.",
    input: UpdateAutomationSchema,
    output: AutomationShape,
    scopes: ["automations:write"],
    role: "admin",
    needsUser: false,
    annotations: IDEMPOTENT_WRITE,
    handler: (ctx, input) => updateAutomation(ctx, input),
  }),
  defineTool({
    name: "delete_automation",
    title: "Delete automation",
    description: "Delete a rule and its run log for good (admins). Tickets it changed keep their history.",
    input: AutomationRefSchema,
    output: z.object({ id: z.string(), name: z.string(), deleted: z.boolean() }),
    scopes: ["automations:write"],
    role: "admin",
    needsUser: false,
    annotations: DESTRUCTIVE,
    handler: (ctx, input) => deleteAutomation(ctx, input),
  }),
  defineTool({
    name: "list_automation_runs",
    title: "List automation runs",
    description:
      "The run log, newest first: which rule saw which ticket's event, whether it matched, and what each action did or why it was skipped. automation narrows to one rule; matched: true hides non-matches.",
    input: ListAutomationRunsSchema,
    output: z.object({ items: z.array(RunShape) }),
    scopes: ["automations:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: (ctx, input) => listAutomationRuns(ctx, input),
  }),
];
