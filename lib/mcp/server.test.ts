import { describe, expect, it } from "vitest";
import { checkToolAccess, type Caller } from "@/lib/mcp/permissions";
import { listToolsFor, STEP_UP_META_KEY } from "@/lib/mcp/server";
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

describe("tools/list for a caller that can step up (OAuth)", () => {
  const oauthAgent: Caller = { scopes: ["tickets:read"], role: "agent", actsAsUser: true, canStepUp: true };
  const listed = (caller: Caller) => new Map(listToolsFor(caller, ALL).tools.map((tool) => [tool.name, tool._meta]));

  it("lists the tools the role allows beyond the grant, each marked with the scopes it lacks", () => {
    const tools = listed(oauthAgent);
    expect(tools.get("get_ticket")?.[STEP_UP_META_KEY]).toBeUndefined();
    expect(tools.get("resolve_ticket")?.[STEP_UP_META_KEY]).toEqual(["tickets:write"]);
    expect(tools.get("get_ticket_context")?.[STEP_UP_META_KEY]).toEqual(["messages:read"]);
    // Every tool an agent may call with every scope, and no other (admin tools stay out).
    expect([...tools.keys()]).toEqual(allowed({ ...oauthAgent, scopes: ["mcp:read", "mcp:write"] }));
  });

  it("never lists a tool outside the consent's toolsets, and the same scopes without step-up list no marker", () => {
    const limited = listed({ ...oauthAgent, toolsets: ["tickets"] });
    expect([...limited.keys()].every((name) => !["search_knowledge", "list_agents"].includes(name))).toBe(true);
    const key = listToolsFor({ ...oauthAgent, canStepUp: false }, ALL).tools;
    expect(key.every((tool) => tool._meta?.[STEP_UP_META_KEY] === undefined)).toBe(true);
    expect(key.map((tool) => tool.name)).toEqual(allowed(oauthAgent));
  });
});
