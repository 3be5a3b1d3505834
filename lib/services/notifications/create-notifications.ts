import "server-only";
import { prisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationType } from "@/lib/generated/prisma/enums";
import { queueMail } from "@/lib/mail/queue-mail";
import { DEFAULT_EMAIL_TYPES } from "@/lib/services/notifications/shared";

export type NewNotification = {
  workspaceId: string;
  userId: string;
  type: NotificationType;
  ticketId: string | null;
  actorUserId: string | null;
  title: string;
  body?: string | null;
  /** The event it answers: a second delivery of that event adds nothing. */
  eventId: string | null;
};

/**
 * Writes notifications in the caller's transaction, for active members of the workspace only, once
 * per (user, event, type). Returns the ids written, for `mailNotifications` after the commit.
 */
export async function createNotifications(tx: Prisma.TransactionClient, items: NewNotification[]): Promise<string[]> {
  if (items.length === 0) return [];
  const active = await tx.membership.findMany({
    where: {
      workspaceId: { in: [...new Set(items.map((i) => i.workspaceId))] },
      userId: { in: [...new Set(items.map((i) => i.userId))] },
      deactivatedAt: null,
      user: { deactivatedAt: null },
    },
    select: { workspaceId: true, userId: true },
  });
  const ok = new Set(active.map((m) => `${m.workspaceId}:${m.userId}`));
  const rows = await tx.notification.createManyAndReturn({
    data: items.filter((i) => ok.has(`${i.workspaceId}:${i.userId}`)).map((i) => ({ ...i, body: i.body ?? null })),
    skipDuplicates: true,
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** Emails the notifications whose recipients asked for that type by email (once each). */
export async function mailNotifications(ids: string[]) {
  if (ids.length === 0) return;
  const rows = await prisma.notification.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      workspaceId: true,
      type: true,
      title: true,
      body: true,
      ticketId: true,
      ticket: { select: { number: true } },
      user: { select: { email: true, notificationPreference: { select: { emailTypes: true } } } },
    },
  });
  const appUrl = getEnv().APP_URL;
  for (const n of rows) {
    const wanted = n.user.notificationPreference?.emailTypes ?? DEFAULT_EMAIL_TYPES;
    if (!wanted.includes(n.type)) continue;
    const link = n.ticket ? `${appUrl}/tickets/${n.ticket.number}` : `${appUrl}/notifications`;
    await queueMail(
      {
        workspaceId: n.workspaceId,
        to: [n.user.email],
        subject: n.title,
        text: [n.body, link, "", `Choose which notifications you get by email: ${appUrl}/profile/notifications`]
          .filter((l) => l !== null)
          .join("\n"),
        ticketId: n.ticketId,
        purpose: "notification",
        headers: { "Auto-Submitted": "auto-generated" },
      },
      { idempotencyKey: `notification:${n.id}` },
    );
  }
}
