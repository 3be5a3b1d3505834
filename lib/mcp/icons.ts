import type { Icon } from "@modelcontextprotocol/server";
import { getEnv } from "@/lib/env";
import type { AnyTool } from "@/lib/mcp/tool";
import { toolsetOfFamily } from "@/lib/auth/toolsets";

// Icons for tools, prompts and resources (2025-11-25 `icons`): one small SVG per toolset, served by
// the app at /icons/<name>.svg. A URL costs a client about a dozen tokens per tool in tools/list,
// where a data URI would cost a hundred or more, so the lists stay within their token budgets.

const PATHS: Readonly<Record<string, string>> = {
  deskbridge: "M4 5h16v10H9l-5 4z",
  tickets: "M3 7h18v4a2 2 0 0 0 0 4v4H3v-4a2 2 0 0 0 0-4zM9 7v12",
  messages: "M4 5h16v11H8l-4 4z M8 9h8M8 12h5",
  contacts: "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0",
  macros: "M13 2 4 14h7l-1 8 9-12h-7z",
  admin: "M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z",
  knowledge: "M4 4h7a2 2 0 0 1 2 2v14a2 2 0 0 0-2-2H4zM20 4h-7a2 2 0 0 0-2 2",
  analytics: "M4 20V10M10 20V4M16 20v-7M22 20H2",
  search: "M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM21 21l-5-5",
  csat: "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM8 14s1.5 2 4 2 4-2 4-2M9 9h.01M15 9h.01",
  sla: "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 7v5l3 3",
  attachments: "M21 11l-9 9a5 5 0 0 1-7-7l9-9a3.5 3.5 0 0 1 5 5l-9 9a2 2 0 0 1-3-3l8-8",
  webhooks: "M10 13a5 5 0 0 0 7 0l3-3a5 5 0 0 0-7-7l-1 1M14 11a5 5 0 0 0-7 0l-3 3a5 5 0 0 0 7 7l1-1",
  automations: "M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM12 2v3M12 19v3M2 12h3M19 12h3",
  notifications: "M6 16V11a6 6 0 0 1 12 0v5l2 2H4zM10 21h4",
  email: "M3 5h18v14H3zM3 6l9 7 9-7",
};

/** The SVG an icon name serves, or null for a name that is not one of ours. */
export function iconSvg(name: string): string | null {
  const path = PATHS[name];
  if (!path) return null;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="#0f172a" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="${path}"/></svg>`;
}

/** Every icon name, for the registry test. */
export const ICON_NAMES: readonly string[] = Object.keys(PATHS);

/** The icons of a toolset (or of the server itself). */
export function iconsOf(name: string): Icon[] {
  const known = name in PATHS ? name : "deskbridge";
  // No mimeType: the .svg URL and the served Content-Type say it, and every tool would pay for it.
  return [{ src: `${getEnv().APP_URL}/icons/${known}.svg` }];
}

/** A tool's icons: its toolset's (a prompt or a resource shows the icon of the first tool it reads with). */
export function toolIcons(tool: Pick<AnyTool, "scopes">): Icon[] {
  return iconsOf(toolsetOfFamily(tool.scopes[0].split(":")[0]!));
}
