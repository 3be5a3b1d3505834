import { z } from "zod";
import { OAuthAuthorizePolicy } from "@/lib/generated/prisma/enums";
import { enumValues } from "@/lib/validations/common";

export const OAUTH_POLICIES = enumValues(OAuthAuthorizePolicy);

export const OAuthPolicySchema = z.object({
  policy: z.enum(OAUTH_POLICIES, { error: "choose owners, owners_admins or everyone" }),
});
export type OAuthPolicyInput = z.input<typeof OAuthPolicySchema>;

const Count = z.coerce
  .number()
  .int("must be a whole number")
  .min(1, "must be at least 1")
  .max(10_000_000, "is too large");

/** Per-workspace rate-limit overrides an owner sets in Settings; any field may be left to the plan. */
export const RateLimitOverridesSchema = z.object({
  perSecond: Count.optional(),
  perMinute: Count.optional(),
  perDay: Count.optional(),
  oauthPerMinute: Count.optional(),
});
export type RateLimitOverrides = z.infer<typeof RateLimitOverridesSchema>;
