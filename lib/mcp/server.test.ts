import { describe, expect, it } from "vitest";
import { checkToolAccess, type Caller } from "@/lib/mcp/permissions";
import { listToolsFor } from "@/lib/mcp/server";
import { TOOLS } from "@/lib/mcp/tools";
import { TOOLSETS, type Surface } from "@/lib/mcp/toolsets";

const ALL: Surface = { toolsets: [...TOOLSETS.keys()].sort(), readonly: false };
const names = (caller: Caller) => listToolsFor(caller, ALL).tools.map((tool) => tool.name);
const allowed = (caller: Caller) => TOOLS.filter((tool) => checkToolAccess(tool, caller) === null).map((t) => t.name);

describe("tools/list per caller shape", () => {
  const shapes: Caller[] = [
    { scopes: ["mcp:read", "mcp:write"], role: "admin", actsAsUser: false },
    { scopes: ["mcp:read", "mcp:write"], role: "admin", actsAsUser: true },
    { scopes: ["mcp:read", "mcp:write"], role: "agent", actsAsUser: true },
    { scopes: ["mcp:read", "mcp:write"], role: "owner", actsAsUser: true },
    { scopes: ["mcp:read"], role: "owner", actsAsUser: true },
    { scopes: ["tickets:read"], role: "admin", actsAsUser: false },
    { scopes: ["settings:read"], role: null, actsAsUser: true },
  ];

  it("lists exactly the tools each shape may call, whatever order the shapes are asked in", () => {
    for (const order of [shapes, [...shapes].reverse(), [...shapes, ...shapes]]) {
      for (const caller of order) expect(names(caller), JSON.stringify(caller)).toEqual(allowed(caller));
    }
  });

  it("shapes that differ only in role, user binding or scopes get different lists", () => {
    expect(names(shapes[0]!)).not.toEqual(names(shapes[1]!));
    expect(names(shapes[1]!)).not.toEqual(names(shapes[2]!));
    expect(names(shapes[3]!)).not.toEqual(names(shapes[4]!));
  });

  it("scope order and repeats are one shape", () => {
    const caller: Caller = { scopes: ["tickets:read", "tags:read"], role: "agent", actsAsUser: true };
    const same: Caller = { scopes: ["tags:read", "tickets:read", "tags:read"], role: "agent", actsAsUser: true };
    expect(listToolsFor(same, ALL).tools).toBe(listToolsFor(caller, ALL).tools);
  });
});
