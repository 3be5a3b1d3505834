import { toolsetOfFamily } from "@/lib/auth/toolsets";
import type { AnyTool } from "@/lib/mcp/tool";
import { TOOLS } from "@/lib/mcp/tools";

// Tool surfaces a client chooses: toolsets named after the scope families they serve (a few small
// families ride with the family they work beside), `all`, and the default surface of daily tools
// that a client gets when it chooses nothing. A read-only surface lists and calls no write tool.

/** The toolset a tool belongs to: its first scope's family, or the family that family rides with. */
export function toolsetOf(tool: Pick<AnyTool, "scopes">): string {
  // The same rule as the credential check in permissions.ts, which cannot import the registry.
  return toolsetOfFamily(tool.scopes[0].split(":")[0]!);
}

/** Every toolset, in registry order, with its tools. */
export const TOOLSETS: ReadonlyMap<string, readonly AnyTool[]> = (() => {
  const sets = new Map<string, AnyTool[]>();
  for (const tool of TOOLS) {
    const name = toolsetOf(tool);
    sets.set(name, [...(sets.get(name) ?? []), tool]);
  }
  return sets;
})();

/**
 * The default surface: the tools an agent reaches for every day, small enough to leave a model its
 * context (its tools/list stays under 8,000 tokens; bench:tool-surface measures it). Every other tool
 * a credential may use stays callable by name, and `?toolsets=all` lists them.
 */
export const DEFAULT_TOOL_NAMES: readonly string[] = [
  "search_tickets",
  "get_ticket_context",
  "create_ticket",
  "update_ticket",
  "assign_ticket",
  "transfer_ticket",
  "resolve_ticket",
  "reopen_ticket",
  "set_ticket_case_status",
  "reply_to_ticket",
  "add_internal_note",
  "list_tags",
  "add_ticket_tags",
  "remove_ticket_tags",
  "list_macros",
  "apply_macro",
  "search_contacts",
  "get_contact",
  "search_knowledge",
  "get_article",
  "list_agents",
  "list_teams",
];

const DEFAULT_TOOLS = new Set(DEFAULT_TOOL_NAMES);

/** What one connection may see and call, beyond what its credential allows. */
export type Surface = {
  /** Selected toolsets, sorted; null for the default surface. */
  toolsets: readonly string[] | null;
  readonly: boolean;
};

export const DEFAULT_SURFACE: Surface = { toolsets: null, readonly: false };

export type SurfaceParse = { ok: true; surface: Surface } | { ok: false; message: string };

/**
 * The surface a request asks for: `?toolsets=a,b` or an X-MCP-Toolsets header (`all` for every
 * toolset), and read-only through the /readonly path or `X-MCP-Readonly: true`.
 */
export function parseSurface(request: { url: string; headers: Headers }, readonlyPath: boolean): SurfaceParse {
  const url = new URL(request.url);
  const raw = url.searchParams.get("toolsets") ?? request.headers.get("x-mcp-toolsets");
  const readonlyHeader = request.headers.get("x-mcp-readonly")?.trim().toLowerCase();
  if (readonlyHeader !== undefined && readonlyHeader !== "true" && readonlyHeader !== "false") {
    return { ok: false, message: 'X-MCP-Readonly must be "true" or "false".' };
  }
  const readonly = readonlyPath || readonlyHeader === "true";
  if (raw === null) return { ok: true, surface: { toolsets: null, readonly } };
  const names = [
    ...new Set(
      raw
        .split(",")
        .map((name) => name.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
  if (names.length === 0) return { ok: false, message: `toolsets is empty: name one or more of ${knownToolsets()}.` };
  const unknown = names.filter((name) => name !== "all" && !TOOLSETS.has(name));
  if (unknown.length) {
    return {
      ok: false,
      message: `Unknown toolset ${unknown.map((name) => `"${name}"`).join(", ")}: the toolsets are ${knownToolsets()}.`,
    };
  }
  const toolsets = names.includes("all") ? [...TOOLSETS.keys()] : names;
  return { ok: true, surface: { toolsets: toolsets.sort(), readonly } };
}

function knownToolsets(): string {
  return [...TOOLSETS.keys(), "all"].join(", ");
}

/** Whether tools/list on this surface shows the tool (the credential's own check comes first). */
export function surfaceLists(tool: AnyTool, surface: Surface): boolean {
  if (surface.readonly && !tool.annotations.readOnlyHint) return false;
  return surface.toolsets === null ? DEFAULT_TOOLS.has(tool.name) : surface.toolsets.includes(toolsetOf(tool));
}

export type SurfaceRefusal = { error: "read_only" | "not_in_toolsets"; message: string; toolset?: string };

/**
 * Null when the surface lets the tool be called. A read-only surface refuses every write; a chosen
 * set of toolsets refuses tools outside it; the default surface lists the daily tools but calls any.
 */
export function checkSurface(tool: AnyTool, surface: Surface): SurfaceRefusal | null {
  if (surface.readonly && !tool.annotations.readOnlyHint) {
    return {
      error: "read_only",
      message: `${tool.name} changes data, and this connection is read-only (the /readonly endpoint or X-MCP-Readonly: true). Connect without read-only mode to use it.`,
    };
  }
  const toolset = toolsetOf(tool);
  if (surface.toolsets !== null && !surface.toolsets.includes(toolset)) {
    return {
      error: "not_in_toolsets",
      message: `${tool.name} is in the ${toolset} toolset, which this connection did not choose (it chose ${surface.toolsets.join(", ")}). Add ${toolset} to ?toolsets= or X-MCP-Toolsets.`,
      toolset,
    };
  }
  return null;
}
