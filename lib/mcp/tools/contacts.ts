import { z } from "zod";
import { defineTool, DESTRUCTIVE, IDEMPOTENT_WRITE, READ, WRITE } from "@/lib/mcp/tool";
import { ContactShape, pageOf, Ref } from "@/lib/mcp/tools/shapes";
import { createCompany } from "@/lib/services/companies/create-company";
import { getCompany } from "@/lib/services/companies/get-company";
import { listCompanies } from "@/lib/services/companies/list-companies";
import { updateCompany } from "@/lib/services/companies/update-company";
import { getContact } from "@/lib/services/contacts/get-contact";
import { mergeContacts } from "@/lib/services/contacts/merge-contacts";
import { searchContacts } from "@/lib/services/contacts/search-contacts";
import { updateContact } from "@/lib/services/contacts/update-contact";
import { upsertContact } from "@/lib/services/contacts/upsert-contact";
import {
  CreateCompanySchema,
  GetCompanySchema,
  GetContactSchema,
  ListCompaniesSchema,
  MergeContactsSchema,
  SearchContactsSchema,
  UpdateCompanySchema,
  UpdateContactSchema,
  UpsertContactSchema,
} from "@/lib/validations/contacts";

const CompanyShape = z.object({ id: z.string(), name: z.string(), domains: z.array(z.string()) });

export const CONTACT_TOOLS = [
  defineTool({
    name: "search_contacts",
    title: "Search contacts",
    description:
      "Find contacts (customers) by name, any of their emails, or company, alphabetically, paged with a cursor.",
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
    description:
      "One contact with all their email addresses, the company their domain belongs to, ticket count and ten most recent tickets.",
    input: GetContactSchema,
    output: ContactShape.extend({
      emails: z.array(z.string()),
      matched_company: Ref.nullable(),
      created_at: z.string(),
      updated_at: z.string(),
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
  defineTool({
    name: "update_contact",
    title: "Update contact",
    description:
      "Change a contact's name, main email, phone or company text by id; empty phone or company clears it. An email of another contact is refused: merge them.",
    input: UpdateContactSchema,
    output: ContactShape.extend({ changed: z.array(z.string()) }),
    scopes: ["contacts:write"],
    role: "agent",
    needsUser: false,
    annotations: IDEMPOTENT_WRITE,
    handler: (ctx, input) => updateContact(ctx, input),
  }),
  defineTool({
    name: "merge_contacts",
    title: "Merge contacts",
    description:
      "Merge a duplicate contact into the kept one: tickets move over, every email of both stays on the kept contact, the duplicate is deleted.",
    input: MergeContactsSchema,
    output: z.object({
      contact: ContactShape,
      emails: z.array(z.string()),
      merged_contact_id: z.string(),
      moved_tickets: z.array(z.number().int()),
    }),
    scopes: ["contacts:write"],
    role: "agent",
    needsUser: false,
    annotations: { ...DESTRUCTIVE, idempotentHint: false },
    handler: (ctx, input) => mergeContacts(ctx, input),
  }),
  defineTool({
    name: "list_companies",
    title: "List companies",
    description: "Companies alphabetically (filter by part of a name or a domain), with contact counts, paged.",
    input: ListCompaniesSchema,
    output: pageOf(CompanyShape.extend({ contact_count: z.number().int() })),
    scopes: ["contacts:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: (ctx, input) => listCompanies(ctx, input),
  }),
  defineTool({
    name: "get_company",
    title: "Get company",
    description: "One company with its contacts (by email domain) and their most recently updated tickets.",
    input: GetCompanySchema,
    output: CompanyShape.extend({
      created_at: z.string(),
      updated_at: z.string(),
      contact_count: z.number().int(),
      contacts: z.array(ContactShape),
      ticket_count: z.number().int(),
      recent_tickets: z.array(
        z.object({
          number: z.number().int(),
          subject: z.string(),
          status: z.string(),
          priority: z.string(),
          contact: Ref.nullable(),
          updated_at: z.string(),
        }),
      ),
    }),
    scopes: ["contacts:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: (ctx, input) => getCompany(ctx, input),
  }),
  defineTool({
    name: "create_company",
    title: "Create company",
    description: "Create a company with its email domains; contacts at those domains belong to it.",
    input: CreateCompanySchema,
    output: CompanyShape.extend({ created_at: z.string() }),
    scopes: ["contacts:write"],
    role: "agent",
    needsUser: false,
    annotations: WRITE,
    handler: (ctx, input) => createCompany(ctx, input),
  }),
  defineTool({
    name: "update_company",
    title: "Update company",
    description: "Rename a company or replace its list of domains.",
    input: UpdateCompanySchema,
    output: CompanyShape.extend({ updated_at: z.string() }),
    scopes: ["contacts:write"],
    role: "agent",
    needsUser: false,
    annotations: IDEMPOTENT_WRITE,
    handler: (ctx, input) => updateCompany(ctx, input),
  }),
];
