import { z } from "zod";
import { defineTool, IDEMPOTENT_WRITE, READ } from "@/lib/mcp/tool";
import { listTags } from "@/lib/services/tags/list-tags";
import { addTicketTags } from "@/lib/services/tickets/add-ticket-tags";
import { removeTicketTags } from "@/lib/services/tickets/remove-ticket-tags";
import { TagsSchema } from "@/lib/validations/tickets";

export const TAG_TOOLS = [
  defineTool({
    name: "list_tags",
    title: "List tags",
    description: "Every tag in the workspace with how many tickets carry it.",
    input: z.object({}),
    output: z.object({
      items: z.array(z.object({ id: z.string(), name: z.string(), color: z.string(), ticket_count: z.number().int() })),
    }),
    scopes: ["tags:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: async (ctx) => ({ items: await listTags(ctx) }),
  }),
  defineTool({
    name: "add_ticket_tags",
    title: "Add tags",
    description:
      "Apply one or more tags to a ticket (new tag names are created). Tags already on the ticket are left as they are.",
    input: TagsSchema,
    output: z.object({ ticket: z.number().int(), added: z.array(z.string()), tags: z.array(z.string()) }),
    scopes: ["tags:write"],
    role: "agent",
    needsUser: false,
    annotations: IDEMPOTENT_WRITE,
    handler: (ctx, input) => addTicketTags(ctx, input),
  }),
  defineTool({
    name: "remove_ticket_tags",
    title: "Remove tags",
    description: "Remove one or more tags from a ticket; tags it does not carry are ignored.",
    input: TagsSchema,
    output: z.object({ ticket: z.number().int(), removed: z.array(z.string()), tags: z.array(z.string()) }),
    scopes: ["tags:write"],
    role: "agent",
    needsUser: false,
    annotations: IDEMPOTENT_WRITE,
    handler: (ctx, input) => removeTicketTags(ctx, input),
  }),
];
