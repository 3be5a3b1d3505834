"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { formToObject, runAction, type ActionState } from "@/lib/action-state";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { submitCsatRating } from "@/lib/services/csat/rating-page";
import type { CsatRatingInput } from "@/lib/validations/csat";

const CLOSED: Record<string, string> = {
  unknown: "This rating link is not valid.",
  expired: "This rating link has expired, so the rating can no longer be changed.",
  replaced: "This rating link was replaced by a newer one: use the latest link you received.",
};

/** The customer's rating from the public page (a POST: opening the link alone records nothing). */
export async function rateAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const input = formToObject(form) as CsatRatingInput;
    const result = await submitCsatRating(input, clientIp(await headers()));
    if (!result.ok)
      return {
        status: "error",
        message:
          result.reason === "rate_limited"
            ? `Too many ratings from your network. Try again in ${result.retryAfterS === 1 ? "1 second" : `${result.retryAfterS} seconds`}.`
            : CLOSED[result.reason],
      };
    revalidatePath(`/rate/${String(input.token)}`);
    return {
      status: "ok",
      message: result.changed ? "Your rating was changed. Thank you!" : "Thank you for your rating!",
    };
  });
}
