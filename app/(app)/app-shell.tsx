import Link from "next/link";
import { StatusMenu } from "@/components/agent-status/status-menu";
import { navLinksFor } from "@/components/app-shell/nav-links";
import { KeyboardShortcuts } from "@/components/keyboard/keyboard-shortcuts";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { Avatar } from "@/components/ui/avatar";
import { DateSettingsProvider } from "@/components/ui/time-ago";
import type { WorkspaceSession } from "@/lib/auth/session";
import { listNotifications } from "@/lib/services/notifications/list-notifications";
import { getMyStatus } from "@/lib/services/agent-status/get-my-status";
import { setMyStatusAction, signOutAction, switchWorkspaceAction } from "./actions";
import { markNotificationsReadAction } from "./notifications/actions";
import { NavMenu } from "./nav-menu";
import { paletteSearchAction } from "./palette-actions";
import { WorkspaceSwitcher } from "./workspace-switcher";

/**
 * The signed-in frame of every page: the header with the navigation, the page's main content and
 * the keyboard shortcuts. The app's layout uses it, and so do public pages (the MCP docs) when
 * someone signed in reads them.
 */
export async function AppShell({ session, children }: { session: WorkspaceSession; children: React.ReactNode }) {
  const [{ status }, notifications] = await Promise.all([
    getMyStatus(session.ctx),
    listNotifications(session.ctx, { limit: 8 }),
  ]);
  const links = navLinksFor(session.role);
  const headerLinks = links.filter((link) => !link.paletteOnly);
  const linkClass = "hover:text-slate-900";
  return (
    <DateSettingsProvider timeZone={session.user.timeZone} locale={session.user.locale}>
      <div className="min-h-screen">
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2.5 md:gap-x-6">
            <Link href="/tickets" className="font-semibold text-indigo-700">
              Deskbridge
            </Link>
            <NavMenu
              primary={headerLinks
                .filter((link) => link.primary)
                .map((link) => (
                  <Link key={link.href} href={link.href} className={linkClass}>
                    {link.label}
                  </Link>
                ))}
            >
              {headerLinks
                .filter((link) => !link.primary)
                .map((link) => (
                  <Link key={link.href} href={link.href} className={linkClass}>
                    {link.label}
                  </Link>
                ))}
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
              <ThemeToggle />
              <span className="inline-flex items-center gap-1.5 text-slate-600" data-testid="current-user">
                <Avatar name={session.user.name} url={session.user.avatarUrl} />
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
        <KeyboardShortcuts
          pages={links.map(({ href, label, settings }) => ({ href, label, settings: Boolean(settings) }))}
          search={paletteSearchAction}
        />
      </div>
    </DateSettingsProvider>
  );
}
