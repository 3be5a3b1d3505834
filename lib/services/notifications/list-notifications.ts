import "server-only";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { prisma } from "@/lib/db";
import { parseInput } from "@/lib/errors";
import { NOTIFICATION_SELECT, notificationJson, requireUser } from "@/lib/services/notifications/shared";
import { ListNotificationsSchema, type ListNotificationsInput } from "@/lib/validations/notifications";

/** The calling user's notifications in this workspace, newest first, with the unread count. */
export async function listNotifications(ctx: ActorContext, input: ListNotificationsInput = {}) {
  const userId = requireUser(ctx);
  const { unread, limit } = parseInput(ListNotificationsSchema, input);
  const where = { ...inWorkspace(ctx), userId };
  const [rows, unreadCount] = await Promise.all([
    prisma.notification.findMany({
      where: { ...where, ...(unread ? { readAt: null } : {}) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
      select: NOTIFICATION_SELECT,
    }),
    prisma.notification.count({ where: { ...where, readAt: null } }),
  ]);
  return { items: rows.map(notificationJson), unread_count: unreadCount };
}

/** The bell's number: unread notifications for the user in this workspace. */
export async function countUnreadNotifications(ctx: ActorContext): Promise<number> {
  if (!ctx.userId) return 0;
  return prisma.notification.count({ where: { ...inWorkspace(ctx), userId: ctx.userId, readAt: null } });
}
