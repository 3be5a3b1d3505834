import { z } from "zod";
import { CsatScale } from "@/lib/generated/prisma/enums";
import {
  blankToUndefined,
  CursorSchema,
  enumValues,
  fromDigits,
  IdSchema,
  LimitSchema,
  TicketNumberSchema,
} from "@/lib/validations/common";

export const CSAT_SCALES = enumValues(CsatScale);

export const CsatScaleSchema = z.enum(CSAT_SCALES, { error: "scale must be good_bad or one_to_five" });

/** A ticket's CSAT: get_csat, send_csat_request. */
export const CsatTicketSchema = z.strictObject({ ticket: TicketNumberSchema });
export type CsatTicketInput = z.input<typeof CsatTicketSchema>;

/** The rating filter: good or bad (on either scale; 4–5 out of 5 counts as good), or an exact 1–5. */
export const CSAT_SCORE_FILTERS = ["good", "bad", "1", "2", "3", "4", "5"] as const;

export const CsatListSchema = z.strictObject({
  /** Ratings given or changed in the last this many days. */
  period_days: z.preprocess(
    blankToUndefined,
    fromDigits(
      z
        .number({ error: "period_days must be a number of days" })
        .int("period_days must be a whole number")
        .min(1, "period_days must be at least 1")
        .max(365, "period_days is at most 365"),
    ).optional(),
  ),
  agent: z.preprocess(blankToUndefined, IdSchema.optional()),
  team: z.preprocess(blankToUndefined, IdSchema.optional()),
  score: z.preprocess(
    (v) => (typeof v === "number" ? String(v) : blankToUndefined(v)),
    z.enum(CSAT_SCORE_FILTERS, { error: "score must be good, bad or a whole number from 1 to 5" }).optional(),
  ),
  limit: LimitSchema,
  cursor: CursorSchema,
});
export type CsatListInput = z.input<typeof CsatListSchema>;

export const CsatCommentSchema = z
  .string({ error: "comment must be text" })
  .trim()
  .max(2_000, "comment is at most 2,000 characters");

/**
 * What the customer sends from the rating page. rating is "good" or "bad" on the good/bad scale
 * and "1" to "5" on the five-point scale; the page's scale decides which are accepted.
 */
export const CsatRatingSchema = z.object({
  token: z.string({ error: "the rating link is missing" }).min(1, "the rating link is missing").max(200),
  rating: z.enum(["good", "bad", "1", "2", "3", "4", "5"], { error: "choose a rating" }),
  comment: z.preprocess(blankToUndefined, CsatCommentSchema.optional()),
});
export type CsatRatingInput = z.input<typeof CsatRatingSchema>;

export const CsatSettingsSchema = z.strictObject({ scale: CsatScaleSchema });
export type CsatSettingsInput = z.input<typeof CsatSettingsSchema>;
