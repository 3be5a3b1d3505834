"use client";

import Link from "next/link";
import type { NotificationJson } from "@/lib/services/notifications/shared";
import { TimeAgo } from "@/components/ui/time-ago";

/** One notification: its title (a link to the ticket), an excerpt and when; unread ones stand out. */
export function NotificationItem({
  n,
  onOpen,
  onMarkRead,
  pending,
}: {
  n: NotificationJson;
  onOpen?: () => void;
  onMarkRead: () => void;
  pending: boolean;
}) {
  return (
    <div
      data-notification={n.type}
      data-read={n.read}
      className={`flex items-start gap-2 px-3 py-2 text-sm ${n.read ? "" : "bg-indigo-50/60"}`}
    >
      <span
        aria-hidden
        className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${n.read ? "bg-transparent" : "bg-indigo-600"}`}
      />
      <div className="min-w-0 flex-1">
        {n.ticket ? (
          <Link
            href={`/tickets/${n.ticket.number}`}
            onClick={onOpen}
            className="font-medium text-slate-900 hover:underline"
          >
            {n.title}
          </Link>
        ) : (
          <p className="font-medium text-slate-900">{n.title}</p>
        )}
        {n.body ? <p className="line-clamp-2 break-words text-xs text-slate-600">{n.body}</p> : null}
        <TimeAgo date={n.created_at} className="text-xs text-slate-600" />
      </div>
      {!n.read ? (
        <button
          type="button"
          onClick={onMarkRead}
          disabled={pending}
          className="shrink-0 rounded px-1.5 py-0.5 text-xs text-indigo-700 hover:bg-indigo-100 disabled:opacity-50"
          aria-label={`Mark “${n.title}” read`}
        >
          Mark read
        </button>
      ) : null}
    </div>
  );
}
