import { z } from "zod";
import { defineTool, READ } from "@/lib/mcp/tool";
import { ContactShape } from "@/lib/mcp/tools/shapes";
import { searchEverything } from "@/lib/services/search/search-everything";
import { SearchEverythingSchema } from "@/lib/validations/search";

const group = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), has_more: z.boolean() });

export const SEARCH_TOOLS = [
  defineTool({
    name: "search_everything",
    title: "Search everything",
    description:
      "One search across tickets, contacts and knowledge-base articles, best matches grouped by kind; page further with search_tickets, search_contacts or search_knowledge.",
    input: SearchEverythingSchema,
    output: z.object({
      q: z.string(),
      groups: z.object({
        tickets: group(
          z.object({
            number: z.number().int(),
            subject: z.string(),
            status: z.string(),
            priority: z.string(),
            contact: z.object({ id: z.string(), name: z.string(), email: z.string().nullable() }).nullable(),
            snippet: z.string().nullable(),
            updated_at: z.string(),
          }),
        ).optional(),
        contacts: group(ContactShape).optional(),
        articles: group(
          z.object({
            id: z.string(),
            title: z.string(),
            status: z.string(),
            url: z.string().nullable(),
            snippet: z.string().nullable(),
            updated_at: z.string(),
          }),
        ).optional(),
      }),
    }),
    scopes: ["search:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: (ctx, input) => searchEverything(ctx, input),
  }),
];
