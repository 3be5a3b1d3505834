// Macros and snippets over the real MCP route with the official SDK client: every verb and tool,
// personal and shared visibility, each action's result when a macro is applied, and refusals.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { baseUrl, connectMcp, toolBody, ALL_TOOLSETS } from "../support/mcp-client";
import { describeScope } from "@/lib/auth/scopes";
import { prisma } from "@/lib/db";
import { flushAudit } from "@/lib/mcp/audit-buffer";
import { TOOLS_BY_NAME } from "@/lib/mcp/tools";
import { createApiKey } from "@/lib/services/credentials/create-api-key";
import { createPersonalToken } from "@/lib/services/credentials/create-personal-token";
import { createMacro } from "@/lib/services/macros/create-macro";
import { deleteMacro } from "@/lib/services/macros/delete-macro";
import { getMacro } from "@/lib/services/macros/get-macro";
import { listMacros } from "@/lib/services/macros/list-macros";
import { previewMacro } from "@/lib/services/macros/preview-macro";
import { updateMacro } from "@/lib/services/macros/update-macro";
import { applyMacro } from "@/lib/services/macros/apply-macro";
import { createSnippet } from "@/lib/services/snippets/create-snippet";
import { deleteSnippet } from "@/lib/services/snippets/delete-snippet";
import { getSnippet } from "@/lib/services/snippets/get-snippet";
import { listSnippets } from "@/lib/services/snippets/list-snippets";
import { updateSnippet } from "@/lib/services/snippets/update-snippet";

let ws: TestWorkspace;
let other: TestWorkspace;
const clients: Record<string, Client> = {};

beforeAll(async () => {
  ws = await createTestWorkspace("macros");
  other = await createTestWorkspace("macros-other");
  const connect = async (label: string, secret: string) => (clients[label] = await connectMcp(secret, ALL_TOOLSETS));
  await connect("agent", (await createPersonalToken(ws.agent, { name: "Agent desktop" })).secret);
  await connect("agent2", (await createPersonalToken(ws.agent2)).secret);
  await connect("admin", (await createPersonalToken(ws.admin)).secret);
  await connect("org", (await createApiKey(ws.admin, { name: "Sync job", org_level: true })).secret);
  await connect(
    "limited",
    (
      await createApiKey(
        { ...ws.agent, role: "admin" },
        { name: "tickets only", scopes: ["macros:read", "tickets:write"], org_level: false },
      )
    ).secret,
  );
  await connect("outsider", (await createPersonalToken(other.admin)).secret);
});
afterAll(async () => {
  await Promise.all(Object.values(clients).map((c) => c.close()));
});

async function call(who: string, name: string, args: Record<string, unknown>) {
  const result = await clients[who]!.callTool({ name, arguments: args });
  const body = toolBody(result);
  if (!result.isError) expect(TOOLS_BY_NAME.get(name)!.output.safeParse(body).success, name).toBe(true);
  return { ok: !result.isError, body };
}

async function ticketState(number: number) {
  return prisma.ticket.findUniqueOrThrow({
    where: { workspaceId_number: { workspaceId: ws.workspace.id, number } },
    select: {
      id: true,
      status: true,
      priority: true,
      teamId: true,
      assigneeId: true,
      updatedAt: true,
      tags: { select: { tag: { select: { name: true } } } },
      _count: { select: { messages: true, activities: true } },
    },
  });
}

describe("macro tools", () => {
  it("create_macro makes a personal macro for the caller and refuses bad input by field", async () => {
    const made = await call("agent", "create_macro", {
      name: "Mine",
      actions: { priority: "low" },
    });
    expect(made.ok).toBe(true);
    expect(made.body).toMatchObject({ name: "Mine", shared: false, owner: { id: ws.users.agent }, usage_count: 0 });

    const unknown = await call("agent", "create_macro", {
      name: "Typo",
      actions: { message: { kind: "reply", body: "Hi {{contact.nickname}} and {{ticket.number}}" } },
    });
    expect(unknown.ok).toBe(false);
    expect(unknown.body.error).toBe("validation_error");
    expect(unknown.body.fields["actions.message.body"][0]).toContain("{{contact.nickname}}");

    const empty = await call("agent", "create_macro", { name: "Nothing", actions: {} });
    expect(empty.body).toMatchObject({ error: "validation_error" });
    expect(Object.keys(empty.body.fields)).toContain("actions");

    const badTeam = await call("agent", "create_macro", { name: "Lost", actions: { team: "no-such-team" } });
    expect(badTeam.body.fields["actions.team"][0]).toContain("no team");

    const badStatus = await call("agent", "create_macro", { name: "Odd", actions: { status: "sleeping" } });
    expect(badStatus.body.fields["actions.status"][0]).toContain("status must be one of");

    const unknownKey = await call("agent", "create_macro", { name: "Odd", actions: { launch: true } });
    expect(unknownKey.body.error).toBe("validation_error");
  });

  it("shared macros are for admins to make; an org-level key may make shared ones but not personal ones", async () => {
    const refused = await call("agent", "create_macro", {
      name: "Team wide",
      shared: true,
      actions: { priority: "high" },
    });
    expect(refused.body).toMatchObject({ error: "admin_required" });
    const shared = await call("admin", "create_macro", {
      name: "Team wide",
      shared: true,
      actions: { priority: "high" },
    });
    expect(shared.body).toMatchObject({ shared: true, owner: null });
    const orgPersonal = await call("org", "create_macro", { name: "Keyed", actions: { priority: "high" } });
    expect(orgPersonal.body).toMatchObject({ error: "user_required" });
    const orgShared = await call("org", "create_macro", { name: "Keyed", shared: true, actions: { priority: "high" } });
    expect(orgShared.ok).toBe(true);
  });

  it("list_macros and get_macro show shared macros and only the caller's personal ones", async () => {
    const personal = await createMacro(ws.agent, { name: "Agent private", actions: { status: "pending" } });
    const shared = await createMacro(ws.admin, { name: "Everyone's", shared: true, actions: { status: "pending" } });
    const names = async (who: string) =>
      ((await call(who, "list_macros", {})).body.items as { id: string }[]).map((m) => m.id);
    expect(await names("agent")).toEqual(expect.arrayContaining([personal.id, shared.id]));
    expect(await names("agent2")).toContain(shared.id);
    expect(await names("agent2")).not.toContain(personal.id);
    expect(await names("org")).not.toContain(personal.id);
    expect(await names("admin")).not.toContain(personal.id);

    expect((await call("agent", "get_macro", { macro: personal.id })).body).toMatchObject({ name: "Agent private" });
    expect((await call("agent2", "get_macro", { macro: personal.id })).body).toMatchObject({ error: "not_found" });
    expect((await call("outsider", "get_macro", { macro: shared.id })).body).toMatchObject({ error: "not_found" });
    const filtered = await call("agent", "list_macros", { q: "PRIVATE" });
    expect(filtered.body.items.map((m: { id: string }) => m.id)).toEqual([personal.id]);
  });

  it("update_macro changes what the caller may manage and refuses the rest", async () => {
    const personal = await createMacro(ws.agent, { name: "Draft", actions: { priority: "low" } });
    const renamed = await call("agent", "update_macro", {
      macro: personal.id,
      name: "Final",
      actions: { priority: "urgent", add_tags: ["vip"] },
    });
    expect(renamed.body).toMatchObject({ name: "Final", actions: { priority: "urgent", add_tags: ["vip"] } });
    expect((await call("agent2", "update_macro", { macro: personal.id, name: "Mine now" })).body).toMatchObject({
      error: "not_found",
    });
    expect((await call("agent", "update_macro", { macro: personal.id, shared: true })).body).toMatchObject({
      error: "admin_required",
    });
    const shared = await createMacro(ws.admin, { name: "Shared one", shared: true, actions: { priority: "low" } });
    expect((await call("agent", "update_macro", { macro: shared.id, name: "x" })).body).toMatchObject({
      error: "admin_required",
    });
    expect(
      (await call("admin", "update_macro", { macro: shared.id, description: "Now described" })).body,
    ).toMatchObject({ description: "Now described", shared: true });
    const bad = await call("agent", "update_macro", {
      macro: personal.id,
      actions: { message: { kind: "note", body: "{{agent.nmae}}" } },
    });
    expect(bad.body.fields["actions.message.body"][0]).toContain("{{agent.nmae}}");
  });

  it("delete_macro is destructive, removes what the caller manages and refuses the rest", async () => {
    const annotations = (await clients.agent!.listTools()).tools.find((t) => t.name === "delete_macro")!.annotations;
    expect(annotations).toMatchObject({ destructiveHint: true, readOnlyHint: false });
    const shared = await createMacro(ws.admin, { name: "Doomed", shared: true, actions: { priority: "low" } });
    expect((await call("agent", "delete_macro", { macro: shared.id })).body).toMatchObject({ error: "admin_required" });
    expect((await call("admin", "delete_macro", { macro: shared.id })).body).toMatchObject({ deleted: true });
    expect((await call("admin", "get_macro", { macro: shared.id })).body).toMatchObject({ error: "not_found" });
    const personal = await createMacro(ws.agent, { name: "Mine to drop", actions: { priority: "low" } });
    expect((await call("agent2", "delete_macro", { macro: personal.id })).body).toMatchObject({ error: "not_found" });
    expect((await call("agent", "delete_macro", { macro: personal.id })).body).toMatchObject({ deleted: true });
  });
});

describe("previewing and applying a macro", () => {
  it("preview_macro renders the reply and lists each change without changing anything", async () => {
    const number = ws.tickets[0]!.ticket;
    const macro = await createMacro(ws.admin, {
      name: "Refund done",
      shared: true,
      actions: {
        message: {
          kind: "reply",
          body: "Hi {{contact.first_name}}, ticket #{{ticket.number}} ({{ticket.subject}}) is refunded. {{agent.first_name}}",
        },
        priority: "high",
        team: ws.teams[1]!.id,
        add_tags: ["refund"],
        status: "resolved",
      },
    });
    const before = await ticketState(number);
    const preview = await call("agent", "preview_macro", { macro: macro.id, ticket: number });
    expect(preview.ok).toBe(true);
    expect((await clients.agent!.listTools()).tools.find((t) => t.name === "preview_macro")!.annotations).toMatchObject(
      {
        readOnlyHint: true,
      },
    );
    expect(preview.body.message).toEqual({
      kind: "reply",
      body: `Hi customer0.${ws.slug.split("-").pop()}, ticket #${number} (Refund for double charge) is refunded. agent.${ws.slug.split("-").pop()}`,
    });
    expect(preview.body.changes).toEqual([
      { action: "team", result: "change", summary: "team Billing → Technical" },
      { action: "priority", result: "change", summary: "priority normal → high" },
      { action: "add_tags", result: "change", summary: "add tags refund" },
      { action: "reply", result: "change", summary: "send the reply" },
      { action: "status", result: "change", summary: "status pending → resolved" },
    ]);
    expect(await ticketState(number)).toEqual(before);
    expect((await getMacro(ws.agent, { macro: macro.id })).usage_count).toBe(0);
  });

  it("apply_macro runs every action, reports each result, counts the use and names the macro in the history", async () => {
    const number = ws.tickets[1]!.ticket;
    const macro = await createMacro(ws.admin, {
      name: "Escalate",
      shared: true,
      actions: {
        message: { kind: "note", body: "Escalated by {{agent.name}}" },
        priority: "urgent",
        team: ws.teams[0]!.id,
        assignee: "me",
        add_tags: ["escalated"],
        remove_tags: ["never-there"],
        status: "pending",
      },
    });
    const first = await call("agent", "apply_macro", { macro: macro.id, ticket: number });
    expect(first.ok).toBe(true);
    expect(first.body.results.map((r: { action: string; result: string }) => [r.action, r.result])).toEqual([
      ["team", "done"],
      ["assignee", "done"],
      ["priority", "done"],
      ["add_tags", "done"],
      ["remove_tags", "unchanged"],
      ["note", "done"],
      ["status", "done"],
    ]);
    expect(first.body.usage_count).toBe(1);
    const after = await ticketState(number);
    expect(after).toMatchObject({
      status: "pending",
      priority: "urgent",
      teamId: ws.teams[0]!.id,
      assigneeId: ws.users.agent,
    });
    expect(after.tags.map((t) => t.tag.name)).toContain("escalated");
    const note = await prisma.message.findFirstOrThrow({
      where: { ticketId: after.id, kind: "note" },
      orderBy: { createdAt: "desc" },
    });
    expect(note.body).toBe(`Escalated by agent.${ws.slug.split("-").pop()}`);
    const rows = await prisma.ticketActivity.findMany({
      where: { ticketId: after.id, via: "mcp" },
      select: { action: true, changes: true, actorUserId: true, credentialName: true },
    });
    expect(rows.map((r) => r.action).sort()).toEqual(
      ["assign", "note", "status", "tags_added", "transfer", "update"].sort(),
    );
    for (const row of rows) {
      expect(row.changes).toMatchObject({ macro: { id: macro.id, name: "Escalate" } });
      expect(row).toMatchObject({ actorUserId: ws.users.agent, credentialName: "Agent desktop" });
    }

    const again = await call("agent", "apply_macro", { macro: macro.id, ticket: number });
    expect(again.body.results.map((r: { result: string }) => r.result)).toEqual([
      "unchanged",
      "unchanged",
      "unchanged",
      "unchanged",
      "unchanged",
      "done",
      "unchanged",
    ]);
    expect(again.body.usage_count).toBe(2);
    expect((await getMacro(ws.agent, { macro: macro.id })).last_used_at).not.toBeNull();
  });

  it("refuses each action the credential may not take and still applies the others", async () => {
    const number = ws.tickets[2]!.ticket;
    const macro = await createMacro(ws.admin, {
      name: "Mixed",
      shared: true,
      actions: { message: { kind: "reply", body: "Hello" }, add_tags: ["mixed"], priority: "low" },
    });
    const limited = await call("limited", "apply_macro", { macro: macro.id, ticket: number });
    expect(limited.body.results).toEqual([
      { action: "priority", result: "done", summary: "priority → low" },
      expect.objectContaining({ action: "add_tags", result: "refused", code: "insufficient_scope" }),
      expect.objectContaining({ action: "reply", result: "refused", code: "insufficient_scope" }),
    ]);
    const org = await call("org", "apply_macro", { macro: macro.id, ticket: number });
    expect(org.body.results).toEqual([
      expect.objectContaining({ action: "priority", result: "unchanged" }),
      expect.objectContaining({ action: "add_tags", result: "done" }),
      expect.objectContaining({ action: "reply", result: "refused", code: "user_required" }),
    ]);
    // A team removed after the macro was saved is refused when applied.
    const team = await prisma.team.create({ data: { workspaceId: ws.workspace.id, name: "Short-lived" } });
    const moving = await createMacro(ws.admin, {
      name: "Move",
      shared: true,
      actions: { team: team.id, priority: "high" },
    });
    await prisma.team.delete({ where: { id: team.id } });
    const preview = await call("admin", "preview_macro", { macro: moving.id, ticket: number });
    expect(preview.body.changes[0]).toMatchObject({ action: "team", result: "refused", code: "not_found" });
    const applied = await call("admin", "apply_macro", { macro: moving.id, ticket: number });
    expect(applied.body.results).toEqual([
      expect.objectContaining({ action: "team", result: "refused", code: "not_found" }),
      expect.objectContaining({ action: "priority", result: "done" }),
    ]);
  });

  it("refuses a personal macro of someone else, a ticket of another workspace and bad input", async () => {
    const personal = await createMacro(ws.agent, { name: "Only mine", actions: { priority: "low" } });
    const number = ws.tickets[0]!.ticket;
    expect((await call("agent2", "apply_macro", { macro: personal.id, ticket: number })).body).toMatchObject({
      error: "not_found",
    });
    expect((await call("outsider", "apply_macro", { macro: personal.id, ticket: number })).body).toMatchObject({
      error: "not_found",
    });
    expect(
      (await call("agent", "apply_macro", { macro: personal.id, ticket: other.tickets[0]!.ticket + 1000 })).body,
    ).toMatchObject({ error: "not_found" });
    const bad = await call("agent", "apply_macro", { macro: personal.id, ticket: "first" });
    expect(bad.body.error).toBe("validation_error");
    expect(Object.keys(bad.body.fields)).toEqual(["ticket"]);
    const readOnly = await call("limited", "preview_macro", { macro: personal.id, ticket: number });
    expect(readOnly.body).toMatchObject({ error: "insufficient_scope", required_scope: "tickets:read" });
  });
});

describe("snippet tools", () => {
  it("create_snippet keeps shortcuts unique in the workspace and refuses bad input by field", async () => {
    const made = await call("agent", "create_snippet", {
      shortcut: "Refund-Policy",
      name: "Refund policy",
      body: "Refunds within 30 days, {{contact.first_name}}.",
    });
    expect(made.body).toMatchObject({ shortcut: "refund-policy", shared: false, owner: { id: ws.users.agent } });
    const taken = await call("admin", "create_snippet", {
      shortcut: "refund-policy",
      name: "Another",
      body: "x",
      shared: true,
    });
    expect(taken.body).toMatchObject({
      error: "conflict",
      fields: { shortcut: ["is already used in this workspace"] },
    });
    const badShortcut = await call("agent", "create_snippet", { shortcut: "refund policy", name: "x", body: "x" });
    expect(Object.keys(badShortcut.body.fields)).toEqual(["shortcut"]);
    const badBody = await call("agent", "create_snippet", { shortcut: "typo", name: "x", body: "{{ticket.id}}" });
    expect(badBody.body.fields.body[0]).toContain("{{ticket.id}}");
    expect(
      (await call("agent", "create_snippet", { shortcut: "x", name: "x", body: "x", shared: true })).body,
    ).toMatchObject({ error: "admin_required" });
    // Another workspace may use the same shortcut.
    expect((await call("outsider", "create_snippet", { shortcut: "refund-policy", name: "x", body: "x" })).ok).toBe(
      true,
    );
  });

  it("list_snippets and get_snippet show shared snippets and only the caller's personal ones", async () => {
    await createSnippet(ws.admin, {
      shortcut: "greeting",
      name: "Greeting",
      body: "Hi {{contact.name}}!",
      shared: true,
    });
    await createSnippet(ws.agent, { shortcut: "my-hours", name: "Working hours", body: "9 to 5" });
    const shortcuts = async (who: string, q?: string) =>
      ((await call(who, "list_snippets", q ? { q } : {})).body.items as { shortcut: string }[]).map((s) => s.shortcut);
    expect(await shortcuts("agent")).toEqual(expect.arrayContaining(["greeting", "my-hours"]));
    expect(await shortcuts("agent2")).toContain("greeting");
    expect(await shortcuts("agent2")).not.toContain("my-hours");
    expect(await shortcuts("agent", "hours")).toEqual(["my-hours"]);
    expect(await shortcuts("outsider")).not.toContain("greeting");

    const plain = await call("agent2", "get_snippet", { snippet: "greeting" });
    expect(plain.body).toMatchObject({ body: "Hi {{contact.name}}!", rendered: null });
    const rendered = await call("agent2", "get_snippet", { snippet: "greeting", ticket: ws.tickets[0]!.ticket });
    expect(rendered.body.rendered).toBe(`Hi customer0.${ws.slug.split("-").pop()}!`);
    expect((await call("agent2", "get_snippet", { snippet: "my-hours" })).body).toMatchObject({ error: "not_found" });
  });

  it("update_snippet and delete_snippet change only what the caller manages", async () => {
    await createSnippet(ws.admin, { shortcut: "shared-one", name: "Shared", body: "x", shared: true });
    expect((await call("agent", "update_snippet", { snippet: "shared-one", body: "y" })).body).toMatchObject({
      error: "admin_required",
    });
    expect(
      (await call("admin", "update_snippet", { snippet: "shared-one", body: "Thanks, {{agent.first_name}}" })).body,
    ).toMatchObject({ body: "Thanks, {{agent.first_name}}" });
    const mine = await createSnippet(ws.agent2, { shortcut: "mine", name: "Mine", body: "x" });
    expect((await call("agent2", "update_snippet", { snippet: mine.id, shortcut: "shared-one" })).body).toMatchObject({
      error: "conflict",
    });
    expect((await call("agent", "delete_snippet", { snippet: "mine" })).body).toMatchObject({ error: "not_found" });
    expect((await call("agent2", "delete_snippet", { snippet: "mine" })).body).toMatchObject({ deleted: true });
    expect((await call("agent", "delete_snippet", { snippet: "shared-one" })).body).toMatchObject({
      error: "admin_required",
    });
    expect((await call("admin", "delete_snippet", { snippet: "shared-one" })).body).toMatchObject({ deleted: true });
  });
});

describe("the service verbs the web app calls", () => {
  it("work as the pages use them and write audit events", async () => {
    const ctx = ws.agent;
    const macro = await createMacro(ctx, { name: "Web made", actions: { add_tags: ["web"] } });
    expect((await listMacros(ctx, { q: "web made" })).items.map((m) => m.id)).toEqual([macro.id]);
    expect((await updateMacro(ctx, { macro: macro.id, description: "from the page" })).description).toBe(
      "from the page",
    );
    const preview = await previewMacro(ctx, { macro: macro.id, ticket: ws.tickets[0]!.ticket });
    expect(preview.changes).toEqual([{ action: "add_tags", result: "change", summary: "add tags web" }]);
    const applied = await applyMacro(ctx, { macro: macro.id, ticket: ws.tickets[0]!.ticket });
    expect(applied.results).toEqual([{ action: "add_tags", result: "done", summary: "added tags web" }]);
    const row = await prisma.ticketActivity.findFirstOrThrow({
      where: { workspaceId: ws.workspace.id, via: "web", action: "tags_added" },
      orderBy: { createdAt: "desc" },
    });
    expect(row.changes).toMatchObject({ tags: ["web"], macro: { name: "Web made" } });
    expect(await deleteMacro(ctx, { macro: macro.id })).toMatchObject({ deleted: true });

    const snippet = await createSnippet(ctx, { shortcut: "web-snip", name: "Web", body: "Hello" });
    expect((await listSnippets(ctx, { q: "web-" })).items.map((s) => s.id)).toEqual([snippet.id]);
    expect((await updateSnippet(ctx, { snippet: snippet.id, name: "Web 2" })).name).toBe("Web 2");
    expect((await getSnippet(ctx, { snippet: "web-snip" })).name).toBe("Web 2");
    await deleteSnippet(ctx, { snippet: snippet.id });

    await flushAudit();
    const actions = (
      await prisma.auditEvent.findMany({ where: { workspaceId: ws.workspace.id }, select: { action: true } })
    ).map((e) => e.action);
    for (const action of [
      "macro.create",
      "macro.update",
      "macro.apply",
      "macro.delete",
      "snippet.create",
      "snippet.update",
      "snippet.delete",
    ])
      expect(actions, action).toContain(action);
  });
});

describe("the families in plain words", () => {
  it("the docs page lists the tools and scopes, and consent describes them", async () => {
    const html = await (await fetch(`${baseUrl()}/docs/mcp`)).text();
    for (const text of ["apply_macro", "preview_macro", "list_snippets", "macros:read", "snippets:write"])
      expect(html, text).toContain(text);
    expect(describeScope("macros:write")).toBe("Macros: Create, change and delete macros");
    expect(describeScope("snippets:read")).toBe("Snippets: See snippets (short reusable reply texts)");
  });
});
