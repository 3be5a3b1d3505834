import "server-only";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { prisma } from "@/lib/db";
import { parseInput } from "@/lib/errors";
import { requireUser } from "@/lib/services/notifications/shared";
import { MarkNotificationsReadSchema, type MarkNotificationsReadInput } from "@/lib/validations/notifications";

/** Marks the caller's notifications read (some by id, or all); another user's ids are left alone. */
export async function markNotificationsRead(ctx: ActorContext, input: MarkNotificationsReadInput) {
  const userId = requireUser(ctx);
  const { ids, all } = parseInput(MarkNotificationsReadSchema, input);
  const where = { ...inWorkspace(ctx), userId, readAt: null, ...(all ? {} : { id: { in: ids! } }) };
  const { count } = await prisma.notification.updateMany({ where, data: { readAt: new Date() } });
  const unread = await prisma.notification.count({ where: { ...inWorkspace(ctx), userId, readAt: null } });
  return { marked: count, unread_count: unread };
}
