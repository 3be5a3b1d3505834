import { z } from "zod";
import { defineTool, IDEMPOTENT_WRITE, READ } from "@/lib/mcp/tool";
import { ContactShape, pageOf } from "@/lib/mcp/tools/shapes";
import { getContact } from "@/lib/services/contacts/get-contact";
import { searchContacts } from "@/lib/services/contacts/search-contacts";
import { upsertContact } from "@/lib/services/contacts/upsert-contact";
import { GetContactSchema, SearchContactsSchema, UpsertContactSchema } from "@/lib/validations/contacts";

export const CONTACT_TOOLS = [
  defineTool({
    name: "search_contacts",
    title: "Search contacts",
    description: "Find contacts (customers) by name, email or company, alphabetically, paged with a cursor.",
    input: SearchContactsSchema,
    output: pageOf(ContactShape),
    scopes: ["contacts:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: (ctx, input) => searchContacts(ctx, input),
  }),
  defineTool({
    name: "get_contact",
    title: "Get contact",
    description: "One contact with their ticket count and ten most recent tickets.",
    input: GetContactSchema,
    output: ContactShape.extend({
      created_at: z.string(),
      ticket_count: z.number().int(),
      recent_tickets: z.array(
        z.object({ number: z.number().int(), subject: z.string(), status: z.string(), updated_at: z.string() }),
      ),
    }),
    scopes: ["contacts:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: (ctx, input) => getContact(ctx, input),
  }),
  defineTool({
    name: "upsert_contact",
    title: "Create or update contact",
    description: "Create a contact by email, or update the name, phone or company of the contact with that email.",
    input: UpsertContactSchema,
    output: ContactShape.extend({ created: z.boolean() }),
    scopes: ["contacts:write"],
    role: "agent",
    needsUser: false,
    annotations: IDEMPOTENT_WRITE,
    handler: (ctx, input) => upsertContact(ctx, input),
  }),
];
