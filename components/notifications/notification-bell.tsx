"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import type { ActionState } from "@/lib/action-state";
import type { NotificationJson } from "@/lib/services/notifications/shared";
import { NotificationItem } from "./notification-item";

/** The header's bell: the unread count, and a menu of the latest notifications with mark-read. */
export function NotificationBell({
  unread,
  latest,
  markRead,
}: {
  unread: number;
  latest: NotificationJson[];
  markRead: (id: string | null) => Promise<ActionState>;
}) {
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const [pending, startTransition] = useTransition();
  // The menu's content exists only while it is open, so the page never holds a hidden second copy
  // of ticket titles.
  const [open, setOpen] = useState(false);
  const router = useRouter();
  useEffect(() => {
    const close = (event: PointerEvent) => {
      const details = detailsRef.current;
      if (details?.open && !details.contains(event.target as Node)) details.removeAttribute("open");
    };
    document.addEventListener("pointerdown", close);
    return () => document.removeEventListener("pointerdown", close);
  }, []);
  const mark = (id: string | null) =>
    startTransition(async () => {
      await markRead(id);
      router.refresh();
    });
  const close = () => detailsRef.current?.removeAttribute("open");
  return (
    <details
      ref={detailsRef}
      className="relative"
      data-testid="notification-bell"
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary
        className="relative flex cursor-pointer list-none items-center rounded-md px-2 py-1 ring-1 ring-slate-300 hover:bg-slate-50"
        aria-label={unread ? `Notifications: ${unread} unread` : "Notifications: none unread"}
      >
        <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4 fill-slate-600">
          <path d="M10 2a5 5 0 0 0-5 5v2.6L3.3 13a1 1 0 0 0 .9 1.5h11.6a1 1 0 0 0 .9-1.5L15 9.6V7a5 5 0 0 0-5-5Zm0 16a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 10 18Z" />
        </svg>
        {unread ? (
          <span
            data-testid="unread-count"
            className="ml-1 rounded-full bg-rose-600 px-1.5 text-xs font-semibold text-white"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </summary>
      {/* On a phone the menu spans the screen below the bell rather than hanging off its right edge. */}
      {open ? (
        <div className="absolute right-0 z-20 mt-1 w-80 rounded-md bg-white shadow-lg ring-1 ring-slate-200 max-sm:fixed max-sm:inset-x-2 max-sm:w-auto">
          <div className="flex items-center justify-between border-b border-slate-100 px-3 py-2">
            <span className="text-sm font-semibold">Notifications</span>
            {unread ? (
              <button
                type="button"
                onClick={() => mark(null)}
                disabled={pending}
                className="text-xs text-indigo-700 hover:underline disabled:opacity-50"
              >
                Mark all read
              </button>
            ) : null}
          </div>
          {latest.length === 0 ? (
            <p className="px-3 py-4 text-sm text-slate-500">Nothing yet.</p>
          ) : (
            <div className="max-h-96 divide-y divide-slate-100 overflow-y-auto">
              {latest.map((n) => (
                <NotificationItem
                  key={n.id}
                  n={n}
                  pending={pending}
                  onMarkRead={() => mark(n.id)}
                  onOpen={() => {
                    close();
                    if (!n.read) mark(n.id);
                  }}
                />
              ))}
            </div>
          )}
          <div className="border-t border-slate-100 px-3 py-2 text-xs">
            <Link href="/notifications" onClick={close} className="text-indigo-700 hover:underline">
              All notifications
            </Link>
            <span className="text-slate-500"> · </span>
            <Link href="/profile/notifications" onClick={close} className="text-indigo-700 hover:underline">
              Email preferences
            </Link>
          </div>
        </div>
      ) : null}
    </details>
  );
}
