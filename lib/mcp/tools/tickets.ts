import { z } from "zod";
import { conversationLink, ticketLink } from "@/lib/mcp/resource-links";
import { defineTool, IDEMPOTENT_WRITE, READ, SENDING_WRITE, WRITE } from "@/lib/mcp/tool";
import { MessageShape, pageOf, StatusChangeShape, TicketHitShape, TicketShape, Ref } from "@/lib/mcp/tools/shapes";
import { markMessage, markTicket, withUntrusted } from "@/lib/mcp/untrusted";
import { listDraftReplies } from "@/lib/services/drafts/list-draft-replies";
import { proposeDraftReply } from "@/lib/services/drafts/propose-draft-reply";
import { repliesAreDrafts } from "@/lib/services/drafts/replies-are-drafts";
import { markTicketReviewed } from "@/lib/services/tickets/mark-ticket-reviewed";
import { addInternalNote } from "@/lib/services/tickets/add-internal-note";
import { assignTicket } from "@/lib/services/tickets/assign-ticket";
import { createTicket } from "@/lib/services/tickets/create-ticket";
import { getMessage } from "@/lib/services/tickets/get-message";
import { getTicket, type TicketDetail } from "@/lib/services/tickets/get-ticket";
import { getWorkspaceMetadata } from "@/lib/services/tickets/get-workspace-metadata";
import { listTicketMessages, toMessageRow } from "@/lib/services/tickets/list-ticket-messages";
import { listTickets } from "@/lib/services/tickets/list-tickets";
import { reopenTicket } from "@/lib/services/tickets/reopen-ticket";
import { replyToTicket } from "@/lib/services/tickets/reply-to-ticket";
import { resolveTicket } from "@/lib/services/tickets/resolve-ticket";
import { transferTicket } from "@/lib/services/tickets/transfer-ticket";
import { updateTicket } from "@/lib/services/tickets/update-ticket";
import {
  AssignSchema,
  CreateTicketSchema,
  GetMessageSchema,
  ListTicketMessagesSchema,
  NoteSchema,
  ReplySchema,
  TicketListSchema,
  StatusToolSchema,
  TicketRefSchema,
  TransferSchema,
  UpdateTicketSchema,
} from "@/lib/validations/tickets";
import { TicketDraftsSchema } from "@/lib/validations/mcp-safety";

function ticketJson(t: TicketDetail) {
  return markTicket({
    id: t.id,
    number: t.number,
    subject: t.subject,
    status: t.status,
    case_status: t.caseStatus,
    priority: t.priority,
    channel: t.channel,
    assignee: t.assignee ? { id: t.assignee.id, name: t.assignee.name } : null,
    team: t.team,
    contact: t.contact,
    tags: t.tags.map((tag) => tag.name),
    created_at: t.createdAt.toISOString(),
    updated_at: t.updatedAt.toISOString(),
    first_response_at: t.firstResponseAt?.toISOString() ?? null,
    resolved_at: t.resolvedAt?.toISOString() ?? null,
    closed_at: t.closedAt?.toISOString() ?? null,
    follow_up_of: t.followUpOf?.number ?? null,
    follow_ups: t.followUps.map((f) => f.number),
    sla_due_at: t.slaDueAt?.toISOString() ?? null,
    sla_breached: t.sla.breached,
    sla: t.sla,
    attachment_count: t._count.attachments,
  });
}

const CONTEXT_MESSAGES = 10;

export const TICKET_TOOLS = [
  defineTool({
    name: "search_tickets",
    title: "Search tickets",
    description:
      "Find tickets by text and filters. q takes words (all must match, with word forms: 'login' finds 'logins'), \"quoted phrases\", OR, -exclusions, a ticket number (#1042 or 1042) or a contact's email; it searches subjects, messages, internal notes (unless include_notes is false) and the contact's name, email and company. When nothing matches exactly and q has no phrase or exclusion, word prefixes and near spellings of contact names and emails are tried. Filters: status, case_status (a sub-status id from list_case_statuses), priority, assignee ('me', 'unassigned' or an agent id from list_agents), team id, tag name, contact id, sla ('breached': a target missed while still worked; 'due_1h': a target due within the hour), creation dates. sort: updated (default, latest activity first), created, priority (urgent first) or relevance (best match first among the newest 2,000 matches). Each row has a snippet showing where q matched, matches between <mark> and </mark>. Pass next_cursor back as cursor, with the same q, filters and sort, for more.",
    input: TicketListSchema,
    output: pageOf(TicketHitShape),
    scopes: ["tickets:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: async (ctx, input) => {
      const page = await listTickets(ctx, input);
      return { ...page, items: page.items.map(markTicket) };
    },
    extraContent: (page) => page.items.map(ticketLink),
  }),
  defineTool({
    name: "get_ticket_context",
    title: "Get ticket context",
    description:
      "Everything needed to work one ticket: its metadata, contact, tags and the latest messages (up to 10, oldest first, long bodies trimmed). Start here before replying or changing a ticket.",
    input: TicketRefSchema,
    output: z.object({ ticket: TicketShape, latest_messages: z.array(MessageShape), total_shown: z.number().int() }),
    scopes: ["tickets:read", "messages:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: async (ctx, { ticket }) => {
      const t = await getTicket(ctx, { number: ticket, messageLimit: CONTEXT_MESSAGES, includeActivity: false });
      const messages = t.messages.map((m) => markMessage(toMessageRow(m)));
      return { ticket: ticketJson(t), latest_messages: messages, total_shown: messages.length };
    },
    extraContent: ({ ticket }) => [ticketLink(ticket), conversationLink(ticket)],
  }),
  defineTool({
    name: "get_ticket",
    title: "Get ticket metadata",
    description:
      "A ticket's properties: subject, status, priority, channel, team, assignee, contact, tags, timestamps and SLA state (policy, first-response and resolution due times, met/missed/running/paused, business seconds left, breached) and how many files are attached (no messages).",
    input: TicketRefSchema,
    output: TicketShape,
    scopes: ["tickets:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: async (ctx, { ticket }) =>
      ticketJson(await getTicket(ctx, { number: ticket, messageLimit: 0, includeActivity: false })),
    extraContent: (ticket) => [ticketLink(ticket), conversationLink(ticket)],
  }),
  defineTool({
    name: "list_ticket_messages",
    title: "Get ticket messages",
    description:
      "All messages of a ticket, oldest first, paged with a cursor. include_notes=false leaves out internal notes. Bodies over 2,000 characters are trimmed (truncated: true); read the rest with get_message.",
    input: ListTicketMessagesSchema,
    output: pageOf(MessageShape),
    scopes: ["messages:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: async (ctx, input) => {
      const page = await listTicketMessages(ctx, input);
      return { ...page, items: page.items.map(markMessage) };
    },
  }),
  defineTool({
    name: "get_message",
    title: "Read a long message",
    description:
      "The body of one message from an offset, 20,000 characters at a time; follow next_offset until it is null.",
    input: GetMessageSchema,
    output: withUntrusted(
      z.object({
        id: z.string(),
        ticket: z.number().int(),
        kind: z.string(),
        author_type: z.enum(["agent", "contact"]),
        body: z.string(),
        offset: z.number().int(),
        body_length: z.number().int(),
        next_offset: z.number().int().nullable(),
        created_at: z.string(),
      }),
    ),
    scopes: ["messages:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: async (ctx, input) => markMessage(await getMessage(ctx, input)),
  }),
  defineTool({
    name: "get_workspace_metadata",
    title: "Get workspace metadata",
    description:
      "The values tickets use in this workspace: statuses, priorities, channels, teams (with ids) and tag names.",
    input: z.object({}),
    output: z.object({
      workspace: z.object({ name: z.string(), slug: z.string(), plan: z.string() }),
      statuses: z.array(z.string()),
      priorities: z.array(z.string()),
      channels: z.array(z.string()),
      teams: z.array(Ref),
      tags: z.array(z.string()),
    }),
    scopes: ["tickets:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: (ctx) => getWorkspaceMetadata(ctx),
  }),
  defineTool({
    name: "create_ticket",
    title: "Create ticket",
    description:
      "Open a new ticket on behalf of a contact (found or created by contact_email) with its first message from that contact. Returns the new ticket number (and the assignee when round-robin assigned it to an online team member).",
    input: CreateTicketSchema,
    output: z.object({
      ticket: z.number().int(),
      status: z.string(),
      contact: z.object({ id: z.string(), name: z.string(), email: z.string().nullable() }),
      assignee: Ref.nullable().describe("set when round-robin assigned the new ticket to an online team member"),
      created_at: z.string(),
    }),
    scopes: ["tickets:write"],
    role: "agent",
    needsUser: false,
    annotations: WRITE,
    handler: (ctx, input) => createTicket(ctx, input),
  }),
  defineTool({
    name: "update_ticket",
    title: "Update ticket",
    description:
      "Change a ticket's subject and/or priority. Pass expected_updated_at (the updated_at you read) to refuse the change if someone edited the ticket since: the answer is then a conflict error.",
    input: UpdateTicketSchema,
    output: z.object({
      ticket: z.number().int(),
      subject: z.string(),
      priority: z.string(),
      changed: z.boolean(),
      updated_at: z.string(),
    }),
    scopes: ["tickets:write"],
    role: "agent",
    needsUser: false,
    annotations: IDEMPOTENT_WRITE,
    handler: (ctx, input) => updateTicket(ctx, input),
  }),
  defineTool({
    name: "resolve_ticket",
    title: "Resolve ticket",
    description:
      "Set a ticket's status to resolved; this issues the customer's CSAT rating link (get_csat shows it), mailed to the contact on an email ticket. Resolving an already resolved ticket changes nothing.",
    input: StatusToolSchema,
    output: StatusChangeShape,
    scopes: ["tickets:write"],
    role: "agent",
    needsUser: false,
    annotations: { ...IDEMPOTENT_WRITE, openWorldHint: true },
    sends: "email",
    handler: (ctx, input) => resolveTicket(ctx, input),
  }),
  defineTool({
    name: "reopen_ticket",
    title: "Reopen ticket",
    description:
      "Set a resolved or closed ticket back to open. A ticket closed longer than the workspace's reopen window stays closed; a linked follow-up ticket opens instead (follow_up; the one already being worked, if any).",
    input: StatusToolSchema,
    output: StatusChangeShape,
    scopes: ["tickets:write"],
    role: "agent",
    needsUser: false,
    annotations: IDEMPOTENT_WRITE,
    handler: (ctx, input) => reopenTicket(ctx, input),
  }),
  defineTool({
    name: "assign_ticket",
    title: "Assign ticket",
    description: "Assign a ticket to an agent (an id from list_agents, or 'me'), or pass null to unassign it.",
    input: AssignSchema,
    output: z.object({ ticket: z.number().int(), assignee: Ref.nullable(), changed: z.boolean() }),
    scopes: ["tickets:write"],
    role: "agent",
    needsUser: false,
    annotations: IDEMPOTENT_WRITE,
    handler: (ctx, input) => assignTicket(ctx, input),
  }),
  defineTool({
    name: "transfer_ticket",
    title: "Transfer ticket",
    description:
      "Move a ticket to another team (department; ids from list_teams), optionally leaving an internal note explaining why.",
    input: TransferSchema,
    output: z.object({
      ticket: z.number().int(),
      team: Ref,
      changed: z.boolean(),
      auto_assigned: Ref.nullable().describe("set when round-robin assigned the unassigned ticket in its new team"),
    }),
    scopes: ["tickets:write"],
    role: "agent",
    needsUser: false,
    annotations: WRITE,
    handler: (ctx, input) => transferTicket(ctx, input),
  }),
  defineTool({
    name: "reply_to_ticket",
    title: "Reply to customer",
    description:
      "Send a public reply to the ticket's contact, written as you; on an email ticket it goes out by email to the contact and the ticket's followers (CC'd addresses), threaded into their conversation. An open ticket becomes pending (waiting on the customer); a reply to a ticket closed past the reopen window goes to its linked follow-up ticket (opened if none is being worked). Where replies are drafts (workspace or connection setting) nothing is sent: draft is true and next_step says how an agent sends it. With last_seen_message_id (the newest message you read), a message that arrived since makes it a conflict. Use add_internal_note for anything the customer must not see.",
    input: ReplySchema,
    output: z.object({
      draft: z.boolean(),
      draft_id: z.string().optional(),
      message_id: z.string().nullable(),
      ticket: z.number().int(),
      status: z.string(),
      created_at: z.string(),
      follow_up_of: z.number().int().nullable(),
      next_step: z.string().optional(),
    }),
    scopes: ["messages:write"],
    role: "agent",
    needsUser: true,
    annotations: SENDING_WRITE,
    sends: "email",
    handler: async (ctx, input) =>
      (await repliesAreDrafts(ctx))
        ? proposeDraftReply(ctx, input)
        : { draft: false, ...(await replyToTicket(ctx, input)) },
  }),
  defineTool({
    name: "add_internal_note",
    title: "Add internal note",
    description: "Add a note to a ticket that only agents can see; it is never sent to the customer.",
    input: NoteSchema,
    output: z.object({ message_id: z.string(), ticket: z.number().int(), created_at: z.string() }),
    scopes: ["messages:write"],
    role: "agent",
    needsUser: true,
    annotations: WRITE,
    handler: (ctx, input) => addInternalNote(ctx, input),
  }),
  defineTool({
    name: "list_draft_replies",
    title: "List draft replies",
    description:
      "The replies proposed as drafts on a ticket and not yet sent or discarded, oldest first, each with who proposed it (the user and the key or connected app). Only an agent sends or discards a draft, on the ticket page.",
    input: TicketDraftsSchema,
    output: z.object({
      drafts: z.array(
        z.object({
          id: z.string(),
          body: z.string(),
          proposed_by: Ref.nullable(),
          credential: z.object({ name: z.string(), kind: z.string() }).nullable(),
          created_at: z.string(),
        }),
      ),
    }),
    scopes: ["messages:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: async (ctx, input) => ({
      drafts: (await listDraftReplies(ctx, input)).map(({ ticket: _ticket, ...draft }) => draft),
    }),
  }),
  defineTool({
    name: "mark_ticket_reviewed",
    title: "Mark ticket reviewed",
    description:
      "Record that the person you act for has read the ticket's conversation as it stands; where the workspace's lockdown holds MCP writes on a ticket whose latest message is the customer's, this lets them through until the customer writes again. Call it only once that person has read the latest customer message.",
    input: TicketRefSchema,
    output: z.object({ ticket: z.number().int(), reviewed_at: z.string() }),
    scopes: ["tickets:write"],
    role: "agent",
    needsUser: true,
    annotations: IDEMPOTENT_WRITE,
    unlocksLockdown: true,
    handler: (ctx, input) => markTicketReviewed(ctx, input),
  }),
];
