import { z } from "zod";

export const OAUTH_POLICIES = ["owners", "owners_admins", "everyone"] as const;

export const OAuthPolicySchema = z.object({
  policy: z.enum(OAUTH_POLICIES, { error: "choose owners, owners_admins or everyone" }),
});
export type OAuthPolicyInput = z.input<typeof OAuthPolicySchema>;
