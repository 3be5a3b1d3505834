import { getEncoding } from "js-tiktoken";
import { describe, expect, it } from "vitest";
import { listToolsFor } from "@/lib/mcp/server";
import { TOOLS } from "@/lib/mcp/tools";
import { checkSurface, DEFAULT_TOOL_NAMES, parseSurface, TOOLSETS, toolsetOf } from "@/lib/mcp/toolsets";

const owner = { scopes: ["mcp:read", "mcp:write"], role: "owner" as const, actsAsUser: true };
const request = (query = "", headers: Record<string, string> = {}) => ({
  url: `http://localhost:3000/api/v1/mcp${query}`,
  headers: new Headers(headers),
});
const tool = (name: string) => TOOLS.find((t) => t.name === name)!;

describe("toolsets", () => {
  it("every tool is in exactly one toolset, named after a scope family", () => {
    const counted = [...TOOLSETS.values()].flat();
    expect(counted).toHaveLength(TOOLS.length);
    expect(toolsetOf(tool("search_tickets"))).toBe("tickets");
    expect(toolsetOf(tool("add_ticket_tags"))).toBe("tickets");
    expect(toolsetOf(tool("list_snippets"))).toBe("macros");
    expect(toolsetOf(tool("create_api_key"))).toBe("admin");
  });

  it("the default surface is at most 30 registered tools and under 8,000 tokens for a full-access owner", () => {
    expect(DEFAULT_TOOL_NAMES.length).toBeLessThanOrEqual(30);
    for (const name of DEFAULT_TOOL_NAMES)
      expect(
        TOOLS.map((t) => t.name),
        name,
      ).toContain(name);
    const listed = listToolsFor(owner).tools;
    expect(listed.map((t) => t.name).sort()).toEqual([...DEFAULT_TOOL_NAMES].sort());
    const tokens = getEncoding("cl100k_base").encode(JSON.stringify({ tools: listed })).length;
    expect(tokens).toBeLessThan(8_000);
  });

  it("?toolsets= and X-MCP-Toolsets choose toolsets; all is every toolset", () => {
    expect(parseSurface(request("?toolsets=knowledge,tickets"), false)).toEqual({
      ok: true,
      surface: { toolsets: ["knowledge", "tickets"], readonly: false },
    });
    expect(parseSurface(request("", { "X-MCP-Toolsets": "Knowledge" }), false)).toMatchObject({
      surface: { toolsets: ["knowledge"] },
    });
    const all = parseSurface(request("?toolsets=all"), false);
    expect(all.ok && all.surface.toolsets).toEqual([...TOOLSETS.keys()].sort());
    const listed = listToolsFor(owner, { toolsets: ["knowledge"], readonly: false }).tools.map((t) => t.name);
    expect(listed).toEqual(TOOLSETS.get("knowledge")!.map((t) => t.name));
  });

  it("an unknown toolset or a bad read-only header is refused by name", () => {
    const unknown = parseSurface(request("?toolsets=tickets,billing"), false);
    expect(unknown).toMatchObject({ ok: false, message: expect.stringContaining('Unknown toolset "billing"') });
    expect(!unknown.ok && unknown.message).toContain("knowledge");
    expect(parseSurface(request("?toolsets=,"), false)).toMatchObject({ ok: false });
    expect(parseSurface(request("", { "X-MCP-Readonly": "yes" }), false)).toMatchObject({
      ok: false,
      message: 'X-MCP-Readonly must be "true" or "false".',
    });
  });

  it("read-only lists and calls no write tool, from the path or the header", () => {
    const header = parseSurface(request("?toolsets=all", { "X-MCP-Readonly": "true" }), false);
    const path = parseSurface(request("?toolsets=all"), true);
    for (const parsed of [header, path]) {
      if (!parsed.ok) throw new Error(parsed.message);
      const listed = listToolsFor(owner, parsed.surface).tools;
      expect(listed.length).toBeGreaterThan(10);
      expect(listed.every((t) => t.annotations?.readOnlyHint === true)).toBe(true);
      expect(checkSurface(tool("reply_to_ticket"), parsed.surface)).toMatchObject({ error: "read_only" });
      expect(checkSurface(tool("search_tickets"), parsed.surface)).toBeNull();
    }
  });

  it("chosen toolsets refuse tools outside them; the default surface calls any tool it may", () => {
    const surface = { toolsets: ["knowledge"], readonly: false };
    expect(checkSurface(tool("assign_ticket"), surface)).toMatchObject({
      error: "not_in_toolsets",
      toolset: "tickets",
    });
    expect(checkSurface(tool("create_sla_policy"), { toolsets: null, readonly: false })).toBeNull();
  });
});
