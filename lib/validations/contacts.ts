import { z } from "zod";
import { blankToUndefined, CursorSchema, IdSchema, LimitSchema } from "@/lib/validations/common";

export const SearchContactsSchema = z.object({
  q: z.preprocess(blankToUndefined, z.string().trim().max(200, "search text is at most 200 characters").optional()),
  limit: LimitSchema,
  cursor: CursorSchema,
});
export type SearchContactsInput = z.input<typeof SearchContactsSchema>;
export type SearchContactsFilters = z.output<typeof SearchContactsSchema>;

export const GetContactSchema = z.object({ contact_id: IdSchema });
export type GetContactInput = z.input<typeof GetContactSchema>;

export const UpsertContactSchema = z.object({
  email: z.email("email must be an email address").trim().toLowerCase(),
  name: z.preprocess(blankToUndefined, z.string().trim().min(1).max(200, "name is at most 200 characters").optional()),
  phone: z.preprocess(blankToUndefined, z.string().trim().max(40, "phone is at most 40 characters").optional()),
  company: z.preprocess(blankToUndefined, z.string().trim().max(200, "company is at most 200 characters").optional()),
});
export type UpsertContactInput = z.input<typeof UpsertContactSchema>;

const EmailSchema = (field: string) => z.email(`${field} must be an email address`).trim().toLowerCase();

/** A field a form may empty: "" or null clears it, absent leaves it as it is. */
const clearable = (field: string, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : v),
    z.string().trim().max(max, `${field} is at most ${max} characters`).nullable().optional(),
  );

export const UpdateContactSchema = z
  .object({
    contact_id: IdSchema,
    name: z.preprocess(
      blankToUndefined,
      z.string().trim().min(1).max(200, "name is at most 200 characters").optional(),
    ),
    email: z.preprocess(blankToUndefined, EmailSchema("email").optional()),
    phone: clearable("phone", 40),
    company: clearable("company", 200),
  })
  .refine((v) => v.name !== undefined || v.email !== undefined || v.phone !== undefined || v.company !== undefined, {
    message: "give a name, email, phone or company to change",
    path: ["name"],
  });
export type UpdateContactInput = z.input<typeof UpdateContactSchema>;

export const MergeContactsSchema = z
  .object({
    keep_contact_id: IdSchema,
    merge_contact_id: IdSchema,
  })
  .refine((v) => v.keep_contact_id !== v.merge_contact_id, {
    message: "merge_contact_id must be another contact than keep_contact_id",
    path: ["merge_contact_id"],
  });
export type MergeContactsInput = z.input<typeof MergeContactsSchema>;

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Domains as a list, or as a form's "acme.com, acme.io"; lower-cased, a leading @ dropped, duplicates merged. */
const DomainsSchema = z.preprocess(
  (v) => (typeof v === "string" ? v.split(/[\s,]+/).filter(Boolean) : v),
  z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .transform((d) => d.replace(/^@/, ""))
        .refine((d) => DOMAIN.test(d), {
          error: (issue) => `domains: “${String(issue.input)}” is not a domain like acme.com`,
        }),
      { error: "domains must be a list of domains like acme.com" },
    )
    .max(20, "domains: at most 20 per company")
    .transform((list) => [...new Set(list)]),
);

const CompanyNameSchema = z
  .string({ error: "name is required" })
  .trim()
  .min(1, "name is required")
  .max(200, "name is at most 200 characters");

export const ListCompaniesSchema = z.object({
  q: z.preprocess(blankToUndefined, z.string().trim().max(200, "search text is at most 200 characters").optional()),
  limit: LimitSchema,
  cursor: CursorSchema,
});
export type ListCompaniesInput = z.input<typeof ListCompaniesSchema>;

export const GetCompanySchema = z.object({ company_id: IdSchema });
export type GetCompanyInput = z.input<typeof GetCompanySchema>;

export const CreateCompanySchema = z.object({
  name: CompanyNameSchema,
  domains: DomainsSchema.default([]),
});
export type CreateCompanyInput = z.input<typeof CreateCompanySchema>;

export const UpdateCompanySchema = z
  .object({
    company_id: IdSchema,
    name: z.preprocess(blankToUndefined, CompanyNameSchema.optional()),
    domains: DomainsSchema.optional(),
  })
  .refine((v) => v.name !== undefined || v.domains !== undefined, {
    message: "give a name or domains to change",
    path: ["name"],
  });
export type UpdateCompanyInput = z.input<typeof UpdateCompanySchema>;
