"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { NotificationItem } from "@/components/notifications/notification-item";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/action-state";
import type { NotificationJson } from "@/lib/services/notifications/shared";

export function NotificationsClient({
  items,
  unread,
  markRead,
}: {
  items: NotificationJson[];
  unread: number;
  markRead: (id: string | null) => Promise<ActionState>;
}) {
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const mark = (id: string | null) =>
    startTransition(async () => {
      await markRead(id);
      router.refresh();
    });
  return (
    <div className="space-y-3">
      {unread ? (
        <Button type="button" variant="secondary" onClick={() => mark(null)} disabled={pending}>
          Mark all read
        </Button>
      ) : null}
      {items.length === 0 ? (
        <p className="text-sm text-slate-500">No notifications.</p>
      ) : (
        <div
          className="divide-y divide-slate-100 rounded-lg bg-white shadow-sm ring-1 ring-slate-200"
          data-testid="notification-list"
        >
          {items.map((n) => (
            <NotificationItem
              key={n.id}
              n={n}
              pending={pending}
              onMarkRead={() => mark(n.id)}
              onOpen={() => !n.read && mark(n.id)}
            />
          ))}
        </div>
      )}
    </div>
  );
}
