import { z } from "zod";
import { DESTRUCTIVE, defineTool, IDEMPOTENT_WRITE, READ, WRITE } from "@/lib/mcp/tool";
import { Ref } from "@/lib/mcp/tools/shapes";
import { createSlaPolicy } from "@/lib/services/sla/create-sla-policy";
import { deleteSlaPolicy } from "@/lib/services/sla/delete-sla-policy";
import { getBusinessHours } from "@/lib/services/sla/get-business-hours";
import { getSlaPolicy } from "@/lib/services/sla/get-sla-policy";
import { listSlaPolicies } from "@/lib/services/sla/list-sla-policies";
import { updateBusinessHours } from "@/lib/services/sla/update-business-hours";
import { updateSlaPolicy } from "@/lib/services/sla/update-sla-policy";
import {
  CreateSlaPolicySchema,
  SlaPolicyRefSchema,
  UpdateBusinessHoursSchema,
  UpdateSlaPolicySchema,
} from "@/lib/validations/sla";

const TargetShape = z.object({
  first_response_minutes: z.number().int().nullable(),
  resolution_minutes: z.number().int().nullable(),
});

const SlaPolicyShape = z.object({
  id: z.string(),
  name: z.string(),
  team: Ref.nullable().describe("Only tickets of this team; null: every team."),
  tag: z.string().nullable().describe("Only tickets carrying this tag; null: any."),
  targets: z
    .object({
      urgent: TargetShape.optional(),
      high: TargetShape.optional(),
      normal: TargetShape.optional(),
      low: TargetShape.optional(),
    })
    .describe("Targets in minutes per priority; a priority left out has no SLA under this policy."),
  business_hours: z.boolean().describe("Targets count business hours (true) or every hour (false)."),
  position: z.number().int(),
});

const Interval = z.object({ start: z.string(), end: z.string() });
const BusinessHoursShape = z.object({
  configured: z.boolean().describe("False: none set, every hour of every day counts (UTC)."),
  time_zone: z.string(),
  weekly: z.object({
    sun: z.array(Interval),
    mon: z.array(Interval),
    tue: z.array(Interval),
    wed: z.array(Interval),
    thu: z.array(Interval),
    fri: z.array(Interval),
    sat: z.array(Interval),
  }),
  holidays: z.array(z.string()),
});

export const SLA_TOOLS = [
  defineTool({
    name: "list_sla_policies",
    title: "List SLA policies",
    description:
      "The workspace's SLA policies in order: first-response and resolution targets (minutes) per priority, optionally only for a team or tag, counted in business hours or every hour; with how many open or pending tickets each measures. A ticket takes the most specific matching policy with a target for its priority (team and tag, team, tag, neither), then the lowest position.",
    input: z.object({}),
    output: z.object({ items: z.array(SlaPolicyShape.extend({ active_ticket_count: z.number().int() })) }),
    scopes: ["sla:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: async (ctx) => ({ items: await listSlaPolicies(ctx) }),
  }),
  defineTool({
    name: "get_sla_policy",
    title: "Get SLA policy",
    description: "One SLA policy by id (from list_sla_policies): its team, tag, targets per priority and order.",
    input: SlaPolicyRefSchema,
    output: SlaPolicyShape,
    scopes: ["sla:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: (ctx, input) => getSlaPolicy(ctx, input),
  }),
  defineTool({
    name: "create_sla_policy",
    title: "Create SLA policy",
    description:
      "Add an SLA policy: targets per priority, e.g. { urgent: { first_response_minutes: 60, resolution_minutes: 480 } }, optionally only for a team id or a tag. Tickets pick it up at their next change (creation, reply, status, priority, team or tag change).",
    input: CreateSlaPolicySchema,
    output: SlaPolicyShape,
    scopes: ["sla:write"],
    role: "admin",
    needsUser: false,
    annotations: WRITE,
    handler: (ctx, input) => createSlaPolicy(ctx, input),
  }),
  defineTool({
    name: "update_sla_policy",
    title: "Update SLA policy",
    description:
      "Change an SLA policy's name, team, tag (null: any), targets (replaced as a whole), business_hours or position; fields left out keep their value. Tickets take the new targets at their next change.",
    input: UpdateSlaPolicySchema,
    output: SlaPolicyShape,
    scopes: ["sla:write"],
    role: "admin",
    needsUser: false,
    annotations: IDEMPOTENT_WRITE,
    handler: (ctx, input) => updateSlaPolicy(ctx, input),
  }),
  defineTool({
    name: "delete_sla_policy",
    title: "Delete SLA policy",
    description:
      "Delete an SLA policy. Its tickets stop counting down at once and take whichever policy applies at their next change.",
    input: SlaPolicyRefSchema,
    output: z.object({ id: z.string(), name: z.string(), deleted: z.boolean() }),
    scopes: ["sla:write"],
    role: "admin",
    needsUser: false,
    annotations: DESTRUCTIVE,
    handler: (ctx, input) => deleteSlaPolicy(ctx, input),
  }),
  defineTool({
    name: "get_business_hours",
    title: "Get business hours",
    description:
      "The workspace's business hours that SLA targets count: IANA time zone, working intervals per weekday (sun..sat, HH:MM wall time) and holidays (dates). configured false: every hour counts.",
    input: z.object({}),
    output: BusinessHoursShape,
    scopes: ["sla:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: (ctx) => getBusinessHours(ctx),
  }),
  defineTool({
    name: "update_business_hours",
    title: "Update business hours",
    description:
      'Replace the business hours: time_zone ("Europe/Berlin"), weekly ({ mon: [{ start: "09:00", end: "17:00" }], ... }; a day left out is closed) and holidays (["2026-12-25"]). Daylight-saving changes follow the time zone. Tickets count them from their next change.',
    input: UpdateBusinessHoursSchema,
    output: BusinessHoursShape,
    scopes: ["sla:write"],
    role: "admin",
    needsUser: false,
    annotations: IDEMPOTENT_WRITE,
    handler: (ctx, input) => updateBusinessHours(ctx, input),
  }),
];
