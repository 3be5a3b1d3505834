// Scopes per resource family (family:read / family:write), with mcp:read and
// mcp:write as umbrellas for every family's read or write. The consent screen,
// the key form, the docs page and tools/list all read this table.

export const SCOPE_FAMILIES = {
  tickets: {
    label: "Tickets",
    read: "see tickets, their status, priority, assignee and history",
    write: "create, update, assign, transfer, resolve and reopen tickets",
  },
  messages: {
    label: "Messages",
    read: "read ticket messages and internal notes",
    write: "reply to customers and add internal notes",
  },
  contacts: {
    label: "Contacts",
    read: "see contacts (names, emails, phones) and companies",
    write: "create, update and merge contacts, and create and update companies",
  },
  tags: { label: "Tags", read: "see tags", write: "add and remove tags on tickets" },
  macros: {
    label: "Macros",
    read: "see macros (saved sets of ticket actions), preview them on a ticket, and apply them where you may also change tickets",
    write: "create, change and delete macros",
  },
  snippets: {
    label: "Snippets",
    read: "see snippets (short reusable reply texts)",
    write: "create, change and delete snippets",
  },
  users: {
    label: "Agents",
    read: "see the workspace's agents and your own profile",
    write: "invite and deactivate agents",
  },
  status: {
    label: "Agent status",
    read: "see whether each agent is online, away or offline",
    write: "set your own status (online, away or offline), which decides whether round-robin hands you new tickets",
  },
  knowledge: {
    label: "Knowledge base",
    read: "see help articles, drafts included, and their categories",
    write: "write, edit, publish and unpublish help articles",
  },
  teams: { label: "Teams", read: "see teams (departments)", write: "create teams" },
  "api-keys": {
    label: "API keys",
    read: "list the workspace's API keys (never their secrets)",
    write:
      "create workspace API keys (through an AI client, never with more access or a longer life than the connection itself) and revoke any workspace API key",
  },
  analytics: { label: "Analytics", read: "see support metrics and the backlog" },
  search: { label: "Search", read: "search across tickets, contacts and knowledge-base articles at once" },
  audit: { label: "Audit log", read: "read the workspace's audit log" },
  "case-statuses": {
    label: "Ticket statuses",
    read: "see the workspace's custom sub-statuses (like “Waiting on engineering”)",
    write: "create, rename, recolour, reorder and delete custom sub-statuses",
  },
  "case-workflows": {
    label: "Status workflow",
    read: "see the workflow rules (reopen window, auto-close)",
    write: "change when closed tickets may reopen and when resolved tickets close by themselves",
  },
  csat: {
    label: "Customer satisfaction",
    read: "see customers' satisfaction ratings and comments on resolved tickets, and the links customers rate at",
    write: "send customers a new rating link for a resolved ticket, and choose the rating scale (admins)",
  },
  sla: {
    label: "SLA policies",
    read: "see SLA policies (response and resolution targets) and the business hours they count",
    write: "create, change and delete SLA policies, and set business hours and holidays",
  },
  attachments: {
    label: "Attachments",
    read: "see the files attached to tickets (names, types, sizes) and download them through short-lived links",
    write: "attach files to tickets and their messages",
  },
  webhooks: {
    label: "Webhooks",
    read: "see webhook endpoints (never their signing secrets) and their delivery logs, with request and response",
    write:
      "add, change, turn off and delete webhook endpoints that receive the workspace's events, rotate their signing secrets and resend deliveries",
  },
  automations: {
    label: "Automations",
    read: "see automation rules (when an event happens and conditions hold, do actions) and their run log",
    write: "create, change, reorder, turn on or off and delete automation rules (admins)",
  },
  notifications: {
    label: "Notifications",
    read: "see your own notifications (assignments, mentions, customer replies, SLA warnings)",
    write: "mark your own notifications read",
  },
  settings: {
    label: "Settings",
    read: "see workspace settings (plan, who may authorize apps, rate limits)",
    write: "change workspace settings (owners only)",
  },
  email: {
    label: "Email",
    read: "read the mail of ticket threads: senders, recipients, subjects, threading headers and texts",
  },
  channels: {
    label: "Channels",
    read: "see the email channel: the inbound address, whether it is on, and the sender name and address",
    write: "turn the email channel on or off and set the sender name and address replies go out with (admins)",
  },
  bulk: {
    label: "Views and bulk work",
    read: "see saved ticket views (yours and the shared ones) and how many tickets each holds",
    write:
      "save, rename and delete ticket views, and change up to 100 tickets at once (status, priority, assignee, team, tags)",
  },
} as const satisfies Record<string, { label: string; read: string; write?: string }>;

export type ScopeFamily = keyof typeof SCOPE_FAMILIES;
export type Scope = `${ScopeFamily}:read` | `${ScopeFamily}:write` | "mcp:read" | "mcp:write";

export const UMBRELLA_SCOPES = ["mcp:read", "mcp:write"] as const;

/** Every family scope that exists, in table order (read before write). */
export const FAMILY_SCOPES: Scope[] = (Object.keys(SCOPE_FAMILIES) as ScopeFamily[]).flatMap((family) =>
  "write" in SCOPE_FAMILIES[family]
    ? [`${family}:read` as Scope, `${family}:write` as Scope]
    : [`${family}:read` as Scope],
);

export const ALL_SCOPES: Scope[] = [...FAMILY_SCOPES, ...UMBRELLA_SCOPES];

const KNOWN = new Set<string>(ALL_SCOPES);

export function isScope(value: string): value is Scope {
  return KNOWN.has(value);
}

/** True when the granted scopes allow the needed one (directly or through mcp:read / mcp:write). */
export function scopeAllows(granted: readonly string[], needed: Scope): boolean {
  if (granted.includes(needed)) return true;
  const umbrella = needed.endsWith(":read") ? "mcp:read" : "mcp:write";
  return granted.includes(umbrella);
}

/** Plain words for one scope, for consent screens and key lists. */
export function describeScope(scope: Scope): string {
  if (scope === "mcp:read") return "Read everything your role can see";
  if (scope === "mcp:write") return "Change everything your role can change";
  const [family, access] = scope.split(":") as [ScopeFamily, "read" | "write"];
  const entry = SCOPE_FAMILIES[family] as { label: string; read: string; write?: string };
  const words = access === "read" ? entry.read : (entry.write ?? "");
  return `${entry.label}: ${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}

/** Orders and de-duplicates a scope list (for storage and comparison). */
export function normalizeScopes(scopes: Iterable<string>): Scope[] {
  const set = new Set(scopes);
  return ALL_SCOPES.filter((s) => set.has(s));
}
