import "server-only";
import type { ActorContext } from "@/lib/context";
import { prisma } from "@/lib/db";
import { parseInput } from "@/lib/errors";
import type { NotificationType } from "@/lib/generated/prisma/enums";
import { DEFAULT_EMAIL_TYPES, requireUser } from "@/lib/services/notifications/shared";
import {
  NOTIFICATION_TYPES,
  NotificationPreferencesSchema,
  type NotificationPreferencesInput,
} from "@/lib/validations/notifications";

/** Which notification types also arrive by email for the calling user. */
export async function getNotificationPreferences(ctx: ActorContext): Promise<{ email: NotificationType[] }> {
  const userId = requireUser(ctx);
  const row = await prisma.notificationPreference.findUnique({ where: { userId }, select: { emailTypes: true } });
  return { email: row?.emailTypes ?? DEFAULT_EMAIL_TYPES };
}

export async function updateNotificationPreferences(ctx: ActorContext, input: NotificationPreferencesInput) {
  const userId = requireUser(ctx);
  const { email } = parseInput(NotificationPreferencesSchema, input);
  const emailTypes = NOTIFICATION_TYPES.filter((t) => email.includes(t));
  await prisma.notificationPreference.upsert({
    where: { userId },
    create: { userId, emailTypes },
    update: { emailTypes },
  });
  return { email: emailTypes };
}
