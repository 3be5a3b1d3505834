import { z } from "zod";
import { withUntrusted } from "@/lib/mcp/untrusted";

// Output schemas shared by several tools (tools/list advertises them).

export const Ref = z.object({ id: z.string(), name: z.string() });

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), next_cursor: z.string().nullable(), has_more: z.boolean() });
}

/** A ticket's sub-status as rows show it. */
export const CaseStatusRefShape = z.object({ id: z.string(), name: z.string(), color: z.string() });

export const CaseStatusShape = z.object({
  id: z.string(),
  name: z.string(),
  base_status: z.string(),
  color: z.string(),
  position: z.number().int(),
});

export const TicketRowShape = withUntrusted(
  z.object({
    id: z.string(),
    number: z.number().int(),
    subject: z.string(),
    status: z.string(),
    case_status: CaseStatusRefShape.nullable().describe("The workspace's sub-status; its base status is status."),
    priority: z.string(),
    channel: z.string(),
    assignee: Ref.nullable(),
    team: Ref.nullable(),
    contact: z.object({ id: z.string(), name: z.string(), email: z.string().nullable() }).nullable(),
    tags: z.array(z.string()),
    created_at: z.string(),
    updated_at: z.string(),
    sla_due_at: z
      .string()
      .nullable()
      .describe("The next SLA due time while the clock runs; null when stopped, met or without SLA."),
    sla_breached: z.boolean().describe("An SLA target was missed and the ticket is still being worked."),
  }),
);

export const TicketHitShape = TicketRowShape.extend({
  snippet: z
    .string()
    .nullable()
    .describe("Where the text matched, the matching words between <mark> and </mark>; null without text."),
});

const SlaTargetShape = z.object({
  due_at: z.string().nullable(),
  state: z.enum(["met", "missed", "running", "paused", "none"]),
  remaining_seconds: z
    .number()
    .int()
    .nullable()
    .describe("Business seconds left (negative: overdue) while the target is open; null once met or without a target."),
});

export const SlaStateShape = z.object({
  policy: Ref.nullable().describe("The SLA policy measuring this ticket; null: no SLA applies."),
  breached: z.boolean().describe("A target was missed while the ticket is being worked."),
  paused: z.boolean().describe("The clock is stopped (pending, resolved or closed)."),
  first_response: SlaTargetShape,
  resolution: SlaTargetShape,
  next_due_at: z.string().nullable(),
});

export const TicketShape = TicketRowShape.extend({
  first_response_at: z.string().nullable(),
  resolved_at: z.string().nullable(),
  closed_at: z.string().nullable(),
  follow_up_of: z.number().int().nullable().describe("The closed ticket this one follows up."),
  follow_ups: z.array(z.number().int()).describe("Tickets opened to follow this one up after it closed."),
  sla: SlaStateShape,
  contact: z
    .object({
      id: z.string(),
      name: z.string(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      company: z.string().nullable(),
    })
    .nullable(),
  attachment_count: z.number().int().describe("Files attached to the ticket; list_ticket_attachments lists them."),
});

export const MessageShape = withUntrusted(
  z.object({
    id: z.string(),
    kind: z.enum(["reply", "note"]),
    author: z.object({ type: z.enum(["agent", "contact"]), id: z.string().nullable(), name: z.string().nullable() }),
    body: z.string(),
    truncated: z.boolean(),
    body_length: z.number().int(),
    via: z.string(),
    created_at: z.string(),
    attachments: z
      .array(z.object({ id: z.string(), filename: z.string(), content_type: z.string(), size: z.number().int() }))
      .describe("Files attached under this message; get_attachment downloads one."),
  }),
);

export const ContactShape = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  company: z.string().nullable(),
});

export const StatusChangeShape = z.object({
  ticket: z.number().int(),
  status: z.string(),
  case_status: CaseStatusRefShape.nullable(),
  changed: z.boolean(),
  follow_up: z
    .number()
    .int()
    .nullable()
    .describe("Set when the ticket was closed past the reopen window: the follow-up ticket opened instead."),
});

export const CredentialShape = z.object({
  id: z.string(),
  name: z.string(),
  masked: z.string(),
  kind: z.string(),
  org_level: z.boolean(),
  scopes: z.array(z.string()),
  /** The toolsets it is limited to; empty: every toolset. */
  toolsets: z.array(z.string()),
  /** Destructive MCP actions through it ask for confirmation. */
  confirm_destructive: z.boolean(),
  user: Ref.nullable(),
  created_by: Ref.nullable(),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
  last_used_ip: z.string().nullable(),
  expires_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
  status: z.enum(["active", "expired", "revoked"]),
});
