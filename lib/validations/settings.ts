import { z } from "zod";
import { OAuthAuthorizePolicy } from "@/lib/generated/prisma/enums";
import { enumValues } from "@/lib/validations/common";
import { BULK_MAX } from "@/lib/validations/views";

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
  /** The workspace's monthly tool-call budget, replacing the plan's per-seat default. */
  perMonth: z.coerce
    .number()
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(1_000_000_000, "is too large")
    .optional(),
});
export type RateLimitOverrides = z.infer<typeof RateLimitOverridesSchema>;

/**
 * The workspace settings a tool may change (the settings page's): who may authorize OAuth apps,
 * the rate-limit overrides (the object given replaces the overrides; null or {} returns to the plan), and
 * round-robin auto-assignment.
 */
export const UpdateWorkspaceSettingsSchema = z
  .object({
    oauth_authorize_policy: OAuthPolicySchema.shape.policy.optional(),
    rate_limits: RateLimitOverridesSchema.strict().nullable().optional(),
    round_robin: z.boolean({ error: "round_robin must be true or false" }).optional(),
  })
  .refine((v) => v.oauth_authorize_policy !== undefined || v.rate_limits !== undefined || v.round_robin !== undefined, {
    message: "give oauth_authorize_policy, rate_limits or round_robin to change",
    path: ["oauth_authorize_policy"],
  });
export type UpdateWorkspaceSettingsInput = z.input<typeof UpdateWorkspaceSettingsSchema>;

/** MCP confirmation: destructive actions (deletes, bulk changes over bulk_over tickets) ask before acting. */
export const McpConfirmationSchema = z.object({
  confirm_destructive: z.enum(["on", "off"], { error: "confirm_destructive must be on or off" }),
  bulk_over: z.coerce
    .number({ error: "bulk_over must be a number of tickets" })
    .int("bulk_over must be a whole number")
    .min(1, "bulk_over must be at least 1")
    .max(BULK_MAX, `bulk_over is at most ${BULK_MAX} (a bulk change takes at most ${BULK_MAX} tickets)`),
});
export type McpConfirmationInput = z.input<typeof McpConfirmationSchema>;
