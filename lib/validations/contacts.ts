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
