import type { Metadata } from "next";
import Link from "next/link";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { listNotifications } from "@/lib/services/notifications/list-notifications";
import { markNotificationsReadAction } from "./actions";
import { NotificationsClient } from "./page-client";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ unread?: string }> }) {
  const { ctx } = await requireWorkspaceSession("agent", "/notifications");
  const unreadOnly = (await searchParams).unread === "1";
  const { items, unread_count } = await listNotifications(ctx, { unread: unreadOnly || undefined, limit: 100 });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-xl font-semibold">Notifications</h1>
          <p className="mt-1 text-sm text-slate-600">
            Tickets assigned to you, mentions in internal notes, customers&apos; replies on your tickets and SLA targets
            due soon.{" "}
            <Link href="/profile/notifications" className="text-indigo-700 underline">
              Choose which also arrive by email.
            </Link>
          </p>
        </div>
        <nav className="flex gap-3 text-sm">
          <Link
            href="/notifications"
            aria-current={!unreadOnly ? "page" : undefined}
            className={!unreadOnly ? "font-semibold" : "text-indigo-700"}
          >
            All
          </Link>
          <Link
            href="/notifications?unread=1"
            aria-current={unreadOnly ? "page" : undefined}
            className={unreadOnly ? "font-semibold" : "text-indigo-700"}
          >
            Unread ({unread_count})
          </Link>
        </nav>
      </div>
      <NotificationsClient items={items} unread={unread_count} markRead={markNotificationsReadAction} />
    </div>
  );
}
