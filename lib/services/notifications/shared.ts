import "server-only";
import { AppError } from "@/lib/errors";
import type { ActorContext } from "@/lib/context";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationType } from "@/lib/generated/prisma/enums";

export const NOTIFICATION_SELECT = {
  id: true,
  type: true,
  title: true,
  body: true,
  readAt: true,
  createdAt: true,
  ticket: { select: { number: true, subject: true } },
  actor: { select: { id: true, name: true } },
} satisfies Prisma.NotificationSelect;

type NotificationRow = Prisma.NotificationGetPayload<{ select: typeof NOTIFICATION_SELECT }>;

export function notificationJson(n: NotificationRow) {
  return {
    id: n.id,
    type: n.type as NotificationType,
    title: n.title,
    body: n.body,
    ticket: n.ticket ? { number: n.ticket.number, subject: n.ticket.subject } : null,
    actor: n.actor,
    read: n.readAt !== null,
    read_at: n.readAt?.toISOString() ?? null,
    created_at: n.createdAt.toISOString(),
  };
}
export type NotificationJson = ReturnType<typeof notificationJson>;

/** Notifications belong to a person: an org-level key has nobody to read them for. */
export function requireUser(ctx: ActorContext): string {
  if (!ctx.userId) throw new AppError("user_required", "Notifications belong to a user: use a user-bound credential.");
  return ctx.userId;
}

/** Email goes out for these types unless the user chose otherwise. */
export const DEFAULT_EMAIL_TYPES: NotificationType[] = ["assigned", "mention"];
