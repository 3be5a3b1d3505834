import { ANALYTICS_ROLE, roleAtLeast } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";

export type NavLink = {
  href: string;
  label: string;
  /** The least role that sees the link. */
  role: Role;
  /** Primary links stay in view on a phone; the rest fold behind "More". */
  primary?: boolean;
  /** Settings pages, as the command palette groups them. */
  settings?: boolean;
  /** Reached from elsewhere (the bell, a link), so only the palette lists it. */
  paletteOnly?: boolean;
};

/** Every page of the header, once: the header and the command palette both read it. */
export const NAV_LINKS: readonly NavLink[] = [
  { href: "/tickets", label: "Tickets", role: "agent", primary: true },
  { href: "/contacts", label: "Contacts", role: "agent", primary: true },
  { href: "/companies", label: "Companies", role: "agent", primary: true },
  { href: "/knowledge", label: "Knowledge", role: "agent", primary: true },
  { href: "/analytics", label: "Analytics", role: ANALYTICS_ROLE.support_metrics },
  { href: "/settings/macros", label: "Macros", role: "agent", settings: true },
  { href: "/settings/snippets", label: "Snippets", role: "agent", settings: true },
  { href: "/profile", label: "Profile", role: "agent", settings: true },
  { href: "/profile/mcp", label: "MCP Integration", role: "agent", settings: true },
  { href: "/settings/api-access", label: "API Access", role: "admin", settings: true },
  { href: "/settings/mcp-governance", label: "MCP governance", role: "owner", settings: true },
  { href: "/admin/agents", label: "Agents", role: "admin", settings: true },
  { href: "/settings/audit", label: "Audit log", role: "admin", settings: true },
  { href: "/settings/jobs", label: "Jobs", role: "admin", settings: true },
  { href: "/settings/statuses", label: "Statuses", role: "admin", settings: true },
  { href: "/settings/sla", label: "SLA", role: "admin", settings: true },
  { href: "/settings/webhooks", label: "Webhooks", role: "admin", settings: true },
  { href: "/settings/email", label: "Email", role: "admin", settings: true },
  { href: "/settings/automations", label: "Automations", role: "admin", settings: true },
  { href: "/settings/workspace", label: "Settings", role: "admin", settings: true },
  { href: "/docs/mcp", label: "Docs", role: "agent" },
  { href: "/notifications", label: "Notifications", role: "agent", paletteOnly: true },
  {
    href: "/profile/notifications",
    label: "Notification preferences",
    role: "agent",
    settings: true,
    paletteOnly: true,
  },
];

export function navLinksFor(role: Role): NavLink[] {
  return NAV_LINKS.filter((link) => roleAtLeast(role, link.role));
}
