import { z } from "zod";
import { blankToUndefined } from "@/lib/validations/common";

/**
 * The groups search_everything answers, in the order it shows them. A new searchable family adds
 * its name here and a group in lib/services/search/search-everything.ts.
 */
export const SEARCH_GROUPS = ["tickets", "contacts", "articles"] as const;
export type SearchGroup = (typeof SEARCH_GROUPS)[number];

export const SearchEverythingSchema = z.object({
  q: z.preprocess(
    blankToUndefined,
    z
      .string({ error: "q is required" })
      .trim()
      .min(1, "q is required")
      .max(200, "search text is at most 200 characters"),
  ),
  groups: z
    .array(z.enum(SEARCH_GROUPS, { error: `groups are some of ${SEARCH_GROUPS.join(", ")}` }))
    .min(1, "give at least one group, or leave groups out for all")
    .optional(),
  limit: z.coerce
    .number({ error: "limit must be a number" })
    .int("limit must be a whole number")
    .min(1, "limit must be at least 1")
    .max(20, "limit must be at most 20")
    .default(5),
});
export type SearchEverythingInput = z.input<typeof SearchEverythingSchema>;
