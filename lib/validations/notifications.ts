import { z } from "zod";
import { NotificationType } from "@/lib/generated/prisma/enums";
import { enumValues, IdSchema, LimitSchema } from "@/lib/validations/common";

export const NOTIFICATION_TYPES = enumValues(NotificationType);
export const NotificationTypeSchema = z.enum(NOTIFICATION_TYPES, {
  error: `type must be one of ${NOTIFICATION_TYPES.join(", ")}`,
});

export const NOTIFICATION_TYPE_LABELS: Record<NotificationType, string> = {
  assigned: "A ticket is assigned to me",
  mention: "Someone mentions me in an internal note",
  reply: "A customer replies on my ticket",
  sla_due_soon: "An SLA target on my ticket is due soon",
  automation: "An automation rule notifies me",
  access_request: "Someone asks the owners for MCP access (owners)",
};

export const ListNotificationsSchema = z.object({
  unread: z.boolean({ error: "unread must be true or false" }).optional(),
  limit: LimitSchema,
});
export type ListNotificationsInput = z.input<typeof ListNotificationsSchema>;

/** Mark some notifications read (ids from list_notifications), or all of yours with all: true. */
export const MarkNotificationsReadSchema = z
  .object({
    ids: z.array(IdSchema).min(1, "give at least one id").max(100, "at most 100 ids at once").optional(),
    all: z.boolean({ error: "all must be true or false" }).optional(),
  })
  .refine((v) => (v.ids !== undefined) !== (v.all === true), { message: "give ids, or all: true (not both)" });
export type MarkNotificationsReadInput = z.input<typeof MarkNotificationsReadSchema>;

/** The types that also arrive by email; in-app notifications always arrive. */
export const NotificationPreferencesSchema = z.object({
  email: z.array(NotificationTypeSchema).max(NOTIFICATION_TYPES.length),
});
export type NotificationPreferencesInput = z.input<typeof NotificationPreferencesSchema>;
