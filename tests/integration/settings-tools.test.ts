// The settings tools (owners change what the settings page changes) and search_everything over
// MCP with the official SDK client; and the registry rule that every scope has a tool.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { connectMcp, toolBody } from "../support/mcp-client";
import { prisma } from "@/lib/db";
import { ALL_SCOPES, FAMILY_SCOPES } from "@/lib/auth/scopes";
import { TOOLS } from "@/lib/mcp/tools";
import { createApiKey } from "@/lib/services/credentials/create-api-key";
import { createPersonalToken } from "@/lib/services/credentials/create-personal-token";
import { createArticle } from "@/lib/services/knowledge/create-article";
import { createTicket } from "@/lib/services/tickets/create-ticket";

let ws: TestWorkspace;
let other: TestWorkspace;
const clients: Record<string, Client> = {};

const call = async (who: string, name: string, args: Record<string, unknown>) =>
  toolBody(await clients[who]!.callTool({ name, arguments: args }));

beforeAll(async () => {
  ws = await createTestWorkspace("settings");
  other = await createTestWorkspace("settings-other");
  const tokens = {
    owner: (await createPersonalToken(ws.owner, { name: "Owner's client" })).secret,
    admin: (await createPersonalToken(ws.admin)).secret,
    agent: (await createPersonalToken(ws.agent)).secret,
    orgKey: (await createApiKey(ws.admin, { name: "org", scopes: ["mcp:read", "mcp:write"], org_level: true })).secret,
    settingsRead: (await createApiKey(ws.admin, { name: "settings", scopes: ["settings:read"], org_level: true }))
      .secret,
    searchOnly: (await createApiKey(ws.admin, { name: "search", scopes: ["search:read"], org_level: true })).secret,
    ticketsOnly: (await createApiKey(ws.admin, { name: "tickets", scopes: ["tickets:read"], org_level: true })).secret,
    outsider: (await createPersonalToken(other.owner)).secret,
  };
  for (const [who, token] of Object.entries(tokens)) clients[who] = await connectMcp(token);
});
afterAll(async () => {
  await Promise.all(Object.values(clients).map((c) => c.close()));
});

describe("get_workspace_settings", () => {
  it("shows an admin the plan, the OAuth policy and the rate limits", async () => {
    const settings = await call("admin", "get_workspace_settings", {});
    expect(settings).toMatchObject({
      slug: ws.slug,
      plan: "enterprise",
      oauth_authorize_policy: "owners",
      rate_limits: {
        overrides: {},
        plan: { perMinute: 1000 },
        in_force: { perMinute: 1000 },
        // Enterprise: 50,000 tool calls a month per seat, for the owner, the admin and two agents.
        monthly_tool_calls: { per_seat: 50_000, seats: 4, in_force: 200_000 },
      },
    });
    expect((await call("settingsRead", "get_workspace_settings", {})).slug).toBe(ws.slug);
  });

  it("is refused to agents and to keys without settings:read; answers only for the caller's workspace", async () => {
    expect(await call("agent", "get_workspace_settings", {})).toMatchObject({
      error: "admin_required",
      required_role: "admin",
    });
    expect(await call("searchOnly", "get_workspace_settings", {})).toMatchObject({
      error: "insufficient_scope",
      required_scope: "settings:read",
    });
    expect((await call("outsider", "get_workspace_settings", {})).slug).toBe(other.slug);
  });
});

describe("update_workspace_settings", () => {
  it("lets an owner set the OAuth policy and rate limits, audited like the settings page", async () => {
    const result = await call("owner", "update_workspace_settings", {
      oauth_authorize_policy: "owners_admins",
      rate_limits: { perMinute: 500 },
    });
    expect(result).toMatchObject({
      oauth_authorize_policy: "owners_admins",
      rate_limits: { overrides: { perMinute: 500 }, in_force: { perMinute: 500, perDay: 1_000_000 } },
      changed: ["oauth_authorize_policy", "rate_limits"],
    });
    const row = await prisma.workspace.findUniqueOrThrow({
      where: { id: ws.workspace.id },
      select: { oauthAuthorizePolicy: true, rateLimitOverrides: true },
    });
    expect(row).toEqual({ oauthAuthorizePolicy: "owners_admins", rateLimitOverrides: { perMinute: 500 } });
    const audit = await prisma.auditEvent.findMany({
      where: { workspaceId: ws.workspace.id, action: { in: ["settings.oauth_policy", "settings.rate_limits"] } },
      select: { action: true, via: true, actorUserId: true },
    });
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: "settings.oauth_policy", via: "mcp", actorUserId: ws.users.owner },
        { action: "settings.rate_limits", via: "mcp", actorUserId: ws.users.owner },
      ]),
    );
    // null returns the limits to the plan.
    const back = await call("owner", "update_workspace_settings", { rate_limits: null });
    expect(back.rate_limits).toMatchObject({ overrides: {}, in_force: { perMinute: 1000 } });
    expect((await call("admin", "get_workspace_settings", {})).oauth_authorize_policy).toBe("owners_admins");
  });

  it("is owner-only: admins, agents and org-level keys are refused and nothing changes", async () => {
    const args = { oauth_authorize_policy: "everyone" };
    expect(await call("admin", "update_workspace_settings", args)).toMatchObject({
      error: "owner_required",
      required_role: "owner",
    });
    expect((await call("agent", "update_workspace_settings", args)).error).toBe("owner_required");
    expect((await call("orgKey", "update_workspace_settings", args)).error).toBe("user_required");
    expect((await call("settingsRead", "update_workspace_settings", args)).error).toBe("insufficient_scope");
    const row = await prisma.workspace.findUniqueOrThrow({
      where: { id: ws.workspace.id },
      select: { oauthAuthorizePolicy: true },
    });
    expect(row.oauthAuthorizePolicy).not.toBe("everyone");
  });

  it("names the field of bad input", async () => {
    expect(await call("owner", "update_workspace_settings", {})).toMatchObject({
      error: "validation_error",
      fields: { oauth_authorize_policy: [expect.any(String)] },
    });
    expect(await call("owner", "update_workspace_settings", { oauth_authorize_policy: "nobody" })).toMatchObject({
      error: "validation_error",
      fields: { oauth_authorize_policy: [expect.stringContaining("owners")] },
    });
    const limits = await call("owner", "update_workspace_settings", { rate_limits: { perMinute: 0 } });
    expect(limits).toMatchObject({
      error: "validation_error",
      fields: { "rate_limits.perMinute": [expect.any(String)] },
    });
  });

  it("changes only the caller's workspace", async () => {
    await call("outsider", "update_workspace_settings", { oauth_authorize_policy: "everyone" });
    const mine = await prisma.workspace.findUniqueOrThrow({
      where: { id: ws.workspace.id },
      select: { oauthAuthorizePolicy: true },
    });
    expect(mine.oauthAuthorizePolicy).toBe("owners_admins");
  });
});

describe("search_everything", () => {
  beforeAll(async () => {
    await createTicket(ws.owner, {
      subject: "Quasar dashboard blank",
      body: "The quasar widget shows nothing.",
      contact_email: "ada@quasar.example",
      contact_name: "Ada Quasar",
    });
    await createTicket(other.owner, {
      subject: "Quasar secret",
      body: "Other workspace's quasar ticket.",
      contact_email: "spy@quasar.example",
    });
    await createArticle(ws.owner, { title: "Quasar widget setup", body: "Add the quasar widget.", publish: true });
    await createArticle(other.owner, { title: "Quasar secret runbook", body: "quasar", publish: true });
  });

  it("answers tickets, contacts and articles in groups", async () => {
    const result = await call("agent", "search_everything", { q: "quasar" });
    expect(Object.keys(result.groups)).toEqual(["tickets", "contacts", "articles"]);
    expect(result.groups.tickets.items.map((t: { subject: string }) => t.subject)).toEqual(["Quasar dashboard blank"]);
    expect(result.groups.contacts.items.map((c: { email: string }) => c.email)).toEqual(["ada@quasar.example"]);
    expect(result.groups.articles.items.map((a: { title: string }) => a.title)).toEqual(["Quasar widget setup"]);
    expect(JSON.stringify(result)).not.toContain("secret");
  });

  it("limits each group and answers only the groups asked for", async () => {
    const result = await call("searchOnly", "search_everything", { q: "quasar", groups: ["contacts"], limit: 1 });
    expect(Object.keys(result.groups)).toEqual(["contacts"]);
    expect(result.groups.contacts).toMatchObject({ items: [{ name: "Ada Quasar" }], has_more: false });
  });

  it("needs search:read and names the field of bad input", async () => {
    expect(await call("ticketsOnly", "search_everything", { q: "quasar" })).toMatchObject({
      error: "insufficient_scope",
      required_scope: "search:read",
    });
    expect(await call("agent", "search_everything", { q: "" })).toMatchObject({
      error: "validation_error",
      fields: { q: [expect.any(String)] },
    });
    expect(await call("agent", "search_everything", { q: "x", groups: ["invoices"] })).toMatchObject({
      error: "validation_error",
      fields: { "groups.0": [expect.any(String)] },
    });
  });
});

describe("the scope table and the registry", () => {
  it("every family scope has at least one tool, and every tool's scopes exist", () => {
    const used = new Set(TOOLS.flatMap((t) => t.scopes));
    expect(FAMILY_SCOPES.filter((s) => !used.has(s))).toEqual([]);
    expect([...used].filter((s) => !ALL_SCOPES.includes(s))).toEqual([]);
  });
});
