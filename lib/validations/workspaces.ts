import { z } from "zod";
import { PlanTier, Role } from "@/lib/generated/prisma/enums";
import { enumValues } from "@/lib/validations/common";
import { MIN_PASSWORD_LENGTH_VALUE } from "@/lib/validations/password";

export const ROLES = enumValues(Role);
export const PLAN_TIERS = enumValues(PlanTier);

export const RoleSchema = z.enum(ROLES, { error: `role must be one of ${ROLES.join(", ")}` });
export const PlanTierSchema = z.enum(PLAN_TIERS, { error: `plan must be one of ${PLAN_TIERS.join(", ")}` });

export const SlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "slug is at least 2 characters")
  .max(48, "slug is at most 48 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "slug uses lowercase letters, digits and single dashes");

export const EmailSchema = z.email("must be an email address").trim().toLowerCase();

export const PasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH_VALUE, `password is at least ${MIN_PASSWORD_LENGTH_VALUE} characters`)
  .max(200, "password is at most 200 characters");

export const CreateWorkspaceSchema = z.object({
  name: z.string().trim().min(1, "name is required").max(100),
  slug: SlugSchema,
  plan: PlanTierSchema.default("starter"),
  owner_email: EmailSchema,
  owner_name: z.string().trim().min(1).max(100).optional(),
  owner_password: PasswordSchema.optional(),
});
export type CreateWorkspaceInput = z.input<typeof CreateWorkspaceSchema>;

export const AddMemberSchema = z.object({
  workspace: SlugSchema,
  email: EmailSchema,
  name: z.string().trim().min(1).max(100).optional(),
  role: RoleSchema.default("agent"),
  password: PasswordSchema.optional(),
});
export type AddMemberInput = z.input<typeof AddMemberSchema>;

export const ResetPasswordSchema = z.object({ email: EmailSchema, password: PasswordSchema.optional() });
export type ResetPasswordInput = z.input<typeof ResetPasswordSchema>;
