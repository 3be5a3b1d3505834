import { z } from "zod";
import { IdSchema } from "@/lib/validations/common";
import { EmailSchema, RoleSchema } from "@/lib/validations/workspaces";

export const InviteUserSchema = z.object({
  email: EmailSchema,
  name: z.string().trim().min(1, "name is required").max(100, "name is at most 100 characters").optional(),
  role: RoleSchema.exclude(["owner"], { error: "role must be admin or agent" }).default("agent"),
});
export type InviteUserInput = z.input<typeof InviteUserSchema>;

export const DeleteUserSchema = z.object({ user_id: IdSchema });
export type DeleteUserInput = z.input<typeof DeleteUserSchema>;

export const CreateTeamSchema = z.object({
  name: z.string().trim().min(1, "name is required").max(80, "name is at most 80 characters"),
  description: z.string().trim().max(300, "description is at most 300 characters").optional(),
});
export type CreateTeamInput = z.input<typeof CreateTeamSchema>;
