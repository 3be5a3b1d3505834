import { z } from "zod";
import { canonicalLocale, isValidTimeZone } from "@/lib/dates/format";

/** Blank, or the picker's "browser" choice: follow the browser (stored as null). */
const followBrowser = (v: unknown) => (v === undefined || v === null || v === "" || v === "browser" ? null : v);

/** Profile → dates: the time zone and locale dates are shown in; null follows the browser. */
export const DatePreferencesSchema = z.object({
  time_zone: z.preprocess(
    followBrowser,
    z
      .string({ error: "time_zone must be a time zone name" })
      .trim()
      .refine(isValidTimeZone, {
        error: (issue) => `“${String(issue.input)}” is not a time zone: use a name like Europe/Paris or UTC`,
      })
      .nullable(),
  ),
  locale: z.preprocess(
    followBrowser,
    z
      .string({ error: "locale must be a language tag" })
      .trim()
      .transform((value, ctx) => {
        const locale = canonicalLocale(value);
        if (!locale) {
          ctx.addIssue({ code: "custom", message: `“${value}” is not a language tag: use one like en-GB or fr` });
          return z.NEVER;
        }
        return locale;
      })
      .nullable(),
  ),
});
export type DatePreferencesInput = z.input<typeof DatePreferencesSchema>;
