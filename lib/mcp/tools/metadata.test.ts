import { describe, expect, it } from "vitest";
import { ICON_NAMES, iconSvg } from "@/lib/mcp/icons";
import { listToolsFor } from "@/lib/mcp/server";
import { TOOLS } from "@/lib/mcp/tools";
import { TOOLSETS } from "@/lib/mcp/toolsets";

// The registry's metadata as clients read it from tools/list: every tool titled, with an icon and
// an output schema, and annotations that say what the tool really does.

const owner = { scopes: ["mcp:read", "mcp:write"], role: "owner" as const, actsAsUser: true };
const listed = listToolsFor(owner, { toolsets: [...TOOLSETS.keys()].sort(), readonly: false }).tools;
const byName = new Map(listed.map((tool) => [tool.name, tool]));

describe("tool metadata", () => {
  it("an owner with every toolset lists every registered tool", () => {
    expect(listed.map((t) => t.name).sort()).toEqual(TOOLS.map((t) => t.name).sort());
  });

  it("every tool has a title, an icon the app serves and an object output schema", () => {
    for (const tool of listed) {
      expect(tool.title, tool.name).toMatch(/^[A-Z]/);
      expect(tool.icons, tool.name).toHaveLength(1);
      const [icon] = tool.icons!;
      const name = /\/icons\/([a-z-]+)\.svg$/.exec(icon!.src)?.[1];
      expect(name && ICON_NAMES.includes(name), `${tool.name}: ${icon!.src}`).toBe(true);
      expect(iconSvg(name!)).toContain("<svg");
      expect(tool.outputSchema?.type, tool.name).toBe("object");
      expect(Object.keys(tool.outputSchema?.properties ?? {}).length, tool.name).toBeGreaterThan(0);
    }
  });

  it("tools of one toolset share one icon; toolsets differ", () => {
    const iconOfToolset = new Map<string, Set<string>>();
    for (const [toolset, tools] of TOOLSETS)
      iconOfToolset.set(toolset, new Set(tools.map((t) => byName.get(t.name)!.icons![0]!.src)));
    for (const [toolset, srcs] of iconOfToolset) expect(srcs.size, toolset).toBe(1);
    expect(byName.get("search_tickets")!.icons).not.toEqual(byName.get("search_knowledge")!.icons);
  });

  it("tools that send email or webhooks are openWorld, and only they", () => {
    const sending = TOOLS.filter((t) => t.sends).map((t) => t.name);
    expect(sending).toEqual(
      expect.arrayContaining([
        "reply_to_ticket",
        "resolve_ticket",
        "send_csat_request",
        "apply_macro",
        "redeliver_webhook",
      ]),
    );
    for (const tool of TOOLS) expect(tool.annotations.openWorldHint, tool.name).toBe(tool.sends !== undefined);
  });

  it("annotations agree with each other: reads change nothing, destructive tools are writes", () => {
    for (const tool of TOOLS) {
      if (tool.annotations.readOnlyHint) {
        expect(tool.annotations.destructiveHint, tool.name).toBe(false);
        expect(tool.sends, tool.name).toBeUndefined();
      }
      // Something is lost only where the tool deletes, revokes, removes or merges away.
      if (tool.annotations.destructiveHint) expect(tool.name, tool.name).toMatch(/^(delete|revoke|merge)_/);
    }
    expect(TOOLS.filter((t) => /^delete_/.test(t.name)).every((t) => t.annotations.destructiveHint)).toBe(true);
  });

  it("tools that may ask for confirmation publish the confirm argument; the others do not", () => {
    const confirmable = listed.filter((t) => "confirm" in (t.inputSchema.properties ?? {})).map((t) => t.name);
    expect(confirmable).toContain("bulk_update_tickets");
    expect(confirmable).toContain("delete_macro");
    expect(confirmable).not.toContain("reply_to_ticket");
    for (const name of confirmable) {
      const tool = TOOLS.find((t) => t.name === name)!;
      expect(tool.annotations.destructiveHint || tool.ticketCount !== undefined, name).toBe(true);
    }
  });
});
