import Link from "next/link";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { roleAtLeast } from "@/lib/auth/roles";
import { DateSettingsProvider } from "@/components/ui/time-ago";
import { StatusMenu } from "@/components/agent-status/status-menu";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { listNotifications } from "@/lib/services/notifications/list-notifications";
import { getMyStatus } from "@/lib/services/agent-status/get-my-status";
import { setMyStatusAction, signOutAction, switchWorkspaceAction } from "./actions";
import { markNotificationsReadAction } from "./notifications/actions";
import { NavMenu } from "./nav-menu";
import { WorkspaceSwitcher } from "./workspace-switcher";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const session = await requireWorkspaceSession();
  const [{ status }, notifications] = await Promise.all([
    getMyStatus(session.ctx),
    listNotifications(session.ctx, { limit: 8 }),
  ]);
  return (
    <DateSettingsProvider timeZone={session.user.timeZone} locale={session.user.locale}>
      <div className="min-h-screen">
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2.5 md:gap-x-6">
            <Link href="/tickets" className="font-semibold text-indigo-700">
              Deskbridge
            </Link>
            <NavMenu
              primary={
                <>
                  <Link href="/tickets" className="hover:text-slate-900">
                    Tickets
                  </Link>
                  <Link href="/contacts" className="hover:text-slate-900">
                    Contacts
                  </Link>
                  <Link href="/companies" className="hover:text-slate-900">
                    Companies
                  </Link>
                  <Link href="/knowledge" className="hover:text-slate-900">
                    Knowledge
                  </Link>
                </>
              }
            >
              <Link href="/settings/macros" className="hover:text-slate-900">
                Macros
              </Link>
              <Link href="/settings/snippets" className="hover:text-slate-900">
                Snippets
              </Link>
              <Link href="/profile" className="hover:text-slate-900">
                Profile
              </Link>
              <Link href="/profile/mcp" className="hover:text-slate-900">
                MCP Integration
              </Link>
              {roleAtLeast(session.role, "admin") ? (
                <>
                  <Link href="/settings/api-access" className="hover:text-slate-900">
                    API Access
                  </Link>
                  <Link href="/admin/agents" className="hover:text-slate-900">
                    Agents
                  </Link>
                  <Link href="/settings/audit" className="hover:text-slate-900">
                    Audit log
                  </Link>
                  <Link href="/settings/jobs" className="hover:text-slate-900">
                    Jobs
                  </Link>
                  <Link href="/settings/statuses" className="hover:text-slate-900">
                    Statuses
                  </Link>
                  <Link href="/settings/sla" className="hover:text-slate-900">
                    SLA
                  </Link>
                  <Link href="/settings/webhooks" className="hover:text-slate-900">
                    Webhooks
                  </Link>
                  <Link href="/settings/email" className="hover:text-slate-900">
                    Email
                  </Link>
                  <Link href="/settings/automations" className="hover:text-slate-900">
                    Automations
                  </Link>
                  <Link href="/settings/workspace" className="hover:text-slate-900">
                    Settings
                  </Link>
                </>
              ) : null}
              <Link href="/docs/mcp" className="hover:text-slate-900">
                Docs
              </Link>
            </NavMenu>
            <div className="ml-auto flex min-w-0 flex-wrap items-center gap-3 text-sm">
              <WorkspaceSwitcher
                current={session.workspace.slug}
                workspaces={session.workspaces.map((w) => ({ slug: w.slug, name: w.name }))}
                action={switchWorkspaceAction}
              />
              <NotificationBell
                unread={notifications.unread_count}
                latest={notifications.items}
                markRead={markNotificationsReadAction}
              />
              <StatusMenu status={status} action={setMyStatusAction} />
              <span className="text-slate-600" data-testid="current-user">
                {session.user.name} · <span className="capitalize">{session.role}</span>
              </span>
              <form action={signOutAction}>
                <button type="submit" className="text-slate-500 hover:text-slate-900">
                  Sign out
                </button>
              </form>
            </div>
          </div>
        </header>
        <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
      </div>
    </DateSettingsProvider>
  );
}
