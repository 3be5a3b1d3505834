import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";
import { IdSchema } from "@/lib/validations/common";
import { MIN_PASSWORD_LENGTH_VALUE } from "@/lib/validations/password";
import { ROLES } from "@/lib/validations/workspaces";

/** The roles an invitation may carry (never owner). */
export const INVITABLE_ROLES = [Role.admin, Role.agent] as const;
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

export const PersonNameSchema = z
  .string()
  .trim()
  .min(1, "Name cannot be empty.")
  .max(100, "Name is at most 100 characters.");

export const InviteUserSchema = z.object({
  email: z.email("Email must be an email address, like name@example.com.").trim().toLowerCase(),
  name: PersonNameSchema.optional(),
  role: z.enum(INVITABLE_ROLES, { error: "Role must be admin or agent." }).default("agent"),
});
export type InviteUserInput = z.input<typeof InviteUserSchema>;

export const DeleteUserSchema = z.object({ user_id: IdSchema });
export type DeleteUserInput = z.input<typeof DeleteUserSchema>;

/** Admin → Agents: offboarding, reactivating. */
export const MemberRefSchema = z.object({ user_id: IdSchema });
export type MemberRefInput = z.input<typeof MemberRefSchema>;

export const ChangeMemberRoleSchema = z.object({
  user_id: IdSchema,
  role: z.enum(ROLES, { error: `Role must be one of ${ROLES.join(", ")}.` }),
});
export type ChangeMemberRoleInput = z.input<typeof ChangeMemberRoleSchema>;

export const InvitationRefSchema = z.object({ invitation_id: IdSchema });
export type InvitationRefInput = z.input<typeof InvitationRefSchema>;

/** The invitation page: a new account's name and password. */
export const AcceptInvitationSchema = z.object({
  token: z.string().trim().min(1, "The invitation link is incomplete.").max(100, "The invitation link is not valid."),
  name: PersonNameSchema,
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH_VALUE, `Password must be at least ${MIN_PASSWORD_LENGTH_VALUE} characters.`)
    .max(200, "Password is at most 200 characters."),
});
export type AcceptInvitationInput = z.input<typeof AcceptInvitationSchema>;

export const CreateTeamSchema = z.object({
  name: z.string().trim().min(1, "name is required").max(80, "name is at most 80 characters"),
  description: z.string().trim().max(300, "description is at most 300 characters").optional(),
});
export type CreateTeamInput = z.input<typeof CreateTeamSchema>;
