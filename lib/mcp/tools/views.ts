import { z } from "zod";
import { defineTool, DESTRUCTIVE, IDEMPOTENT_WRITE, READ, WRITE } from "@/lib/mcp/tool";
import { scopeAllows } from "@/lib/auth/scopes";
import { AppError } from "@/lib/errors";
import { bulkUpdateTickets } from "@/lib/services/tickets/bulk-update-tickets";
import { createView } from "@/lib/services/views/create-view";
import { deleteView } from "@/lib/services/views/delete-view";
import { listViews } from "@/lib/services/views/list-views";
import { updateView } from "@/lib/services/views/update-view";
import {
  BulkUpdateSchema,
  CreateViewSchema,
  ListViewsSchema,
  UpdateViewSchema,
  ViewRefSchema,
} from "@/lib/validations/views";

const Visibility = z.enum(["personal", "shared"]);
const ViewShape = z.object({
  id: z.string(),
  name: z.string(),
  visibility: Visibility,
  filters: z.record(z.string(), z.string()),
});

export const VIEW_TOOLS = [
  defineTool({
    name: "list_views",
    title: "List saved views",
    description:
      "The saved ticket views you can see (shared ones and your own) with each view's ticket count (exact up to 10,000, then an estimate: exact false). Pass a view's filters to search_tickets to read its tickets.",
    input: ListViewsSchema,
    output: z.object({
      items: z.array(
        ViewShape.extend({
          count: z.number().int().nullable(),
          exact: z.boolean(),
          count_text: z.string().nullable(),
          can_edit: z.boolean(),
          updated_at: z.string(),
        }),
      ),
    }),
    scopes: ["bulk:read", "tickets:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: async (ctx) => ({ items: await listViews(ctx) }),
  }),
  defineTool({
    name: "create_view",
    title: "Save a view",
    description:
      "Save ticket-list filters and sort (the search_tickets fields q, status, priority, assignee, team, tag, contact, created_after, created_before, sort) under a name. visibility: personal (default, only you) or shared (the workspace).",
    input: CreateViewSchema,
    output: ViewShape,
    scopes: ["bulk:write"],
    role: "agent",
    needsUser: false,
    annotations: WRITE,
    handler: (ctx, input) => createView(ctx, input),
  }),
  defineTool({
    name: "update_view",
    title: "Change a view",
    description:
      "Rename a saved view and/or replace its filters (the whole set). Shared views can be changed by their creator or an admin.",
    input: UpdateViewSchema,
    output: ViewShape,
    scopes: ["bulk:write"],
    role: "agent",
    needsUser: false,
    annotations: IDEMPOTENT_WRITE,
    handler: (ctx, input) => updateView(ctx, input),
  }),
  defineTool({
    name: "delete_view",
    title: "Delete a view",
    description: "Delete a saved view (its tickets are untouched).",
    input: ViewRefSchema,
    output: z.object({ id: z.string(), name: z.string(), deleted: z.boolean() }),
    scopes: ["bulk:write"],
    role: "agent",
    needsUser: false,
    annotations: DESTRUCTIVE,
    handler: (ctx, input) => deleteView(ctx, input),
  }),
  defineTool({
    name: "bulk_update_tickets",
    title: "Change many tickets",
    description:
      "Apply one change set (status, priority, assignee: agent id, 'me' or null; team id; add_tags, remove_tags) to up to 100 tickets by number. Each ticket changes in its own transaction and gets its own result: done, unchanged, or refused with an error code (for example not_found) while the others go ahead. Tag changes also need tags:write.",
    input: BulkUpdateSchema,
    output: z.object({
      results: z.array(
        z.object({
          ticket: z.number().int(),
          result: z.enum(["done", "unchanged", "refused"]),
          changed: z.array(z.string()),
          error: z.object({ code: z.string(), message: z.string() }).optional(),
        }),
      ),
      done: z.number().int(),
      unchanged: z.number().int(),
      refused: z.number().int(),
    }),
    scopes: ["bulk:write", "tickets:write"],
    role: "agent",
    needsUser: false,
    annotations: WRITE,
    ticketCount: (input) => input.tickets.length,
    handler: (ctx, input) => {
      const tagging = input.changes.add_tags !== undefined || input.changes.remove_tags !== undefined;
      if (tagging && ctx.scopes && !scopeAllows(ctx.scopes, "tags:write")) {
        throw new AppError("insufficient_scope", "Changing tags also needs the tags:write scope.", {
          details: { required_scope: "tags:write" },
        });
      }
      return bulkUpdateTickets(ctx, input);
    },
  }),
];
