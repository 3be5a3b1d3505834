// Saved views and bulk work: every service verb and tool, through the real HTTP route with the
// official MCP SDK client, and their refusals.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { connectMcp } from "../support/mcp-client";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createApiKey } from "@/lib/services/credentials/create-api-key";
import { createPersonalToken } from "@/lib/services/credentials/create-personal-token";
import { createTicket } from "@/lib/services/tickets/create-ticket";
import { bulkUpdateTickets } from "@/lib/services/tickets/bulk-update-tickets";
import { createView } from "@/lib/services/views/create-view";
import { deleteView } from "@/lib/services/views/delete-view";
import { listViews } from "@/lib/services/views/list-views";
import { updateView } from "@/lib/services/views/update-view";

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

type Result = Awaited<ReturnType<Client["callTool"]>>;
const body = (r: Result) =>
  (r.isError ? JSON.parse((r.content as { text: string }[])[0]!.text) : r.structuredContent) as Record<string, any>;

let ws: TestWorkspace;
let other: TestWorkspace;
let agent: Client;
let agent2: Client;
const numbers: number[] = [];

beforeAll(async () => {
  ws = await createTestWorkspace("views");
  other = await createTestWorkspace("views-other");
  for (let i = 0; i < 4; i++) {
    const t = await createTicket(ws.owner, {
      subject: `Bulk candidate ${i}`,
      body: "Please help",
      contact_email: `bulk${i}.${ws.slug}@example.com`,
    });
    numbers.push(t.ticket);
  }
  agent = await connectMcp((await createPersonalToken(ws.agent)).secret);
  agent2 = await connectMcp((await createPersonalToken(ws.agent2)).secret);
});
afterAll(async () => {
  await agent?.close();
  await agent2?.close();
});

describe("saved view verbs", () => {
  it("create, list with live counts, update and delete; personal views stay their owner's", async () => {
    const personal = await createView(ws.agent, {
      name: "My open",
      filters: { assignee: "me", status: "open" },
    });
    expect(personal).toMatchObject({ visibility: "personal", filters: { assignee: "me", status: "open" } });
    const shared = await createView(ws.admin, {
      name: "Unassigned",
      visibility: "shared",
      filters: { assignee: "unassigned", status: "open", sort: "created" },
    });
    await bulkUpdateTickets(ws.agent, { tickets: numbers.slice(0, 2), changes: { assignee: "me" } });

    const mine = await listViews(ws.agent);
    const count = (rows: typeof mine, id: string) => rows.find((v) => v.id === id)?.count;
    expect(count(mine, personal.id)).toBe(2);
    expect(mine.find((v) => v.id === personal.id)).toMatchObject({ exact: true, count_text: "2 tickets" });
    const unassigned = (await prisma.ticket.count({
      where: { workspaceId: ws.workspace.id, assigneeId: null, status: "open" },
    })) as number;
    expect(count(mine, shared.id)).toBe(unassigned);
    expect(mine.find((v) => v.id === shared.id)?.filters).toEqual({
      assignee: "unassigned",
      status: "open",
      sort: "created",
    });

    // Another agent sees the shared view but never the personal one.
    const theirs = await listViews(ws.agent2);
    expect(theirs.map((v) => v.id)).toContain(shared.id);
    expect(theirs.map((v) => v.id)).not.toContain(personal.id);
    expect((await errorOf(deleteView(ws.agent2, { view_id: personal.id }))).code).toBe("not_found");

    const renamed = await updateView(ws.agent, {
      view_id: personal.id,
      name: "Mine, urgent",
      filters: { assignee: "me", priority: "urgent" },
    });
    expect(renamed).toMatchObject({ name: "Mine, urgent", filters: { assignee: "me", priority: "urgent" } });
    expect(await deleteView(ws.agent, { view_id: personal.id })).toMatchObject({ deleted: true });
    expect((await listViews(ws.agent)).map((v) => v.id)).not.toContain(personal.id);

    const audit = await prisma.auditEvent.findMany({
      where: { workspaceId: ws.workspace.id, action: { startsWith: "view." } },
      select: { action: true },
    });
    expect(audit.map((a) => a.action).sort()).toEqual(["view.create", "view.create", "view.delete", "view.update"]);
  });

  it("refuses bad input by field, a duplicate name, and a shared view changed by someone else", async () => {
    const bad = await errorOf(createView(ws.agent, { name: "", filters: { status: "nope" } as never }));
    expect(bad.code).toBe("validation_error");
    expect(Object.keys(bad.fields ?? {})).toEqual(expect.arrayContaining(["name", "filters.status"]));
    const unknown = await errorOf(createView(ws.agent, { name: "x", filters: { colour: "red" } as never }));
    expect(unknown.fields?.filters).toBeDefined();

    const team = await createView(ws.admin, {
      name: "Billing queue",
      visibility: "shared",
      filters: { team: ws.teams[0]!.id },
    });
    expect((await errorOf(createView(ws.agent, { name: "billing QUEUE", visibility: "shared" }))).code).toBe(
      "conflict",
    );
    expect((await errorOf(updateView(ws.agent, { view_id: team.id, name: "Mine now" }))).code).toBe("admin_required");
    expect((await errorOf(updateView(other.admin, { view_id: team.id, name: "Theirs" }))).code).toBe("not_found");
    expect((await listViews(other.admin)).map((v) => v.id)).not.toContain(team.id);
    // A workspace key has no person to own a personal view.
    const orgCtx = { ...ws.admin, userId: null };
    expect((await errorOf(createView(orgCtx, { name: "Keyed" }))).code).toBe("user_required");
  });
});

describe("bulk update verb", () => {
  it("applies one change set per ticket through the ticket verbs, each change in its history", async () => {
    const tickets = numbers.slice(0, 3);
    const result = await bulkUpdateTickets(ws.agent, {
      tickets,
      changes: {
        status: "pending",
        priority: "high",
        assignee: ws.users.agent2,
        team: ws.teams[1]!.id,
        add_tags: ["vip", "bulk"],
      },
    });
    expect(result).toMatchObject({ done: 3, refused: 0, unchanged: 0 });
    expect(result.results[0]!.changed).toEqual(["status", "priority", "assignee", "team", "tags_added"]);
    const rows = await prisma.ticket.findMany({
      where: { workspaceId: ws.workspace.id, number: { in: tickets } },
      select: {
        status: true,
        priority: true,
        assigneeId: true,
        teamId: true,
        activities: { select: { action: true, via: true, actorUserId: true } },
      },
    });
    for (const row of rows) {
      expect(row).toMatchObject({
        status: "pending",
        priority: "high",
        assigneeId: ws.users.agent2,
        teamId: ws.teams[1]!.id,
      });
      const mine = row.activities.filter((a) => a.actorUserId === ws.users.agent);
      expect(mine.map((a) => a.action)).toEqual(
        expect.arrayContaining(["status", "update", "assign", "transfer", "tags_added"]),
      );
    }
    const again = await bulkUpdateTickets(ws.agent, { tickets, changes: { status: "pending", remove_tags: ["bulk"] } });
    expect(again.results.map((r) => [r.result, r.changed])).toEqual(tickets.map(() => ["done", ["tags_removed"]]));
    const same = await bulkUpdateTickets(ws.agent, { tickets, changes: { status: "pending" } });
    expect(same.unchanged).toBe(3);
  });

  it("refuses more than 100 tickets, repeats and an empty change set by field", async () => {
    const many = Array.from({ length: 101 }, (_, i) => i + 1);
    const tooMany = await errorOf(bulkUpdateTickets(ws.agent, { tickets: many, changes: { status: "open" } }));
    expect(tooMany.fields?.tickets).toEqual(["at most 100 tickets at once"]);
    const repeated = await errorOf(bulkUpdateTickets(ws.agent, { tickets: [1, 1], changes: { status: "open" } }));
    expect(repeated.fields?.tickets).toBeDefined();
    const empty = await errorOf(bulkUpdateTickets(ws.agent, { tickets: [1], changes: {} }));
    expect(empty.fields?.["changes.status"]).toBeDefined();
  });
});

describe("views and bulk tools over MCP", () => {
  it("create_view, list_views with counts, update_view and delete_view", async () => {
    const created = await agent.callTool({
      name: "create_view",
      arguments: { name: "Urgent", filters: { priority: "urgent", status: "open" } },
    });
    expect(created.isError).toBeFalsy();
    const view = body(created);
    expect(view).toMatchObject({ name: "Urgent", visibility: "personal" });

    const listed = body(await agent.callTool({ name: "list_views", arguments: {} }));
    expect(listed.items.find((v: { id: string }) => v.id === view.id)).toMatchObject({ count: 0, exact: true });
    const hidden = body(await agent2.callTool({ name: "list_views", arguments: {} }));
    expect(hidden.items.map((v: { id: string }) => v.id)).not.toContain(view.id);

    const updated = body(
      await agent.callTool({ name: "update_view", arguments: { view_id: view.id, filters: { status: "pending" } } }),
    );
    expect(updated.filters).toEqual({ status: "pending" });
    const recount = body(await agent.callTool({ name: "list_views", arguments: {} }));
    expect(recount.items.find((v: { id: string }) => v.id === view.id).count).toBeGreaterThanOrEqual(3);

    const refused = await agent2.callTool({ name: "delete_view", arguments: { view_id: view.id } });
    expect(refused.isError).toBe(true);
    expect(body(refused).error).toBe("not_found");
    const deleted = await agent.callTool({ name: "delete_view", arguments: { view_id: view.id } });
    expect(body(deleted)).toMatchObject({ deleted: true });
  });

  it("bulk_update_tickets reports a per-ticket refusal for an unknown ticket while the others change", async () => {
    const result = await agent.callTool({
      name: "bulk_update_tickets",
      arguments: { tickets: [numbers[3], 999_999, numbers[0]], changes: { priority: "urgent", assignee: "me" } },
    });
    expect(result.isError).toBeFalsy();
    const r = body(result);
    expect(r).toMatchObject({ done: 2, refused: 1 });
    expect(r.results[1]).toMatchObject({ ticket: 999_999, result: "refused", error: { code: "not_found" } });
    expect(r.results[1].error.message).toContain("#999999");
    expect(r.results[0]).toMatchObject({ ticket: numbers[3], result: "done" });
    const activity = await prisma.ticketActivity.findMany({
      where: { workspaceId: ws.workspace.id, ticket: { number: numbers[3] }, action: "assign" },
      select: { via: true, credentialId: true },
    });
    expect(activity).toHaveLength(1);
    expect(activity[0]!.via).toBe("mcp");
    expect(activity[0]!.credentialId).not.toBeNull();
  });

  it("bulk_update_tickets refuses over 100 tickets, and a key without the scopes", async () => {
    const tooMany = await agent.callTool({
      name: "bulk_update_tickets",
      arguments: { tickets: Array.from({ length: 101 }, (_, i) => i + 1), changes: { status: "open" } },
    });
    expect(body(tooMany)).toMatchObject({
      error: "validation_error",
      fields: { tickets: ["at most 100 tickets at once"] },
    });

    const ticketsOnly = await connectMcp(
      (await createApiKey(ws.admin, { name: "tickets", scopes: ["tickets:read", "tickets:write"], org_level: true }))
        .secret,
    );
    const noBulk = await ticketsOnly.callTool({
      name: "bulk_update_tickets",
      arguments: { tickets: [numbers[0]], changes: { status: "open" } },
    });
    expect(body(noBulk)).toMatchObject({ error: "insufficient_scope", required_scope: "bulk:write" });
    const noViews = await ticketsOnly.callTool({ name: "list_views", arguments: {} });
    expect(body(noViews)).toMatchObject({ error: "insufficient_scope", required_scope: "bulk:read" });
    await ticketsOnly.close();

    const bulkNoTags = await connectMcp(
      (await createApiKey(ws.admin, { name: "bulk", scopes: ["tickets:write", "bulk:write"], org_level: true })).secret,
    );
    const tagged = await bulkNoTags.callTool({
      name: "bulk_update_tickets",
      arguments: { tickets: [numbers[0]], changes: { add_tags: ["x"] } },
    });
    expect(body(tagged)).toMatchObject({ error: "insufficient_scope", required_scope: "tags:write" });
    // A workspace key may save shared views but not personal ones.
    const personal = await bulkNoTags.callTool({ name: "create_view", arguments: { name: "Keyed" } });
    expect(body(personal).error).toBe("user_required");
    const sharedView = await bulkNoTags.callTool({
      name: "create_view",
      arguments: { name: "Keyed", visibility: "shared" },
    });
    expect(body(sharedView)).toMatchObject({ visibility: "shared" });
    await bulkNoTags.close();
  });

  it("an agent cannot change a shared view someone else created; an admin can", async () => {
    const view = await createView(ws.agent2, { name: "Agent two's queue", visibility: "shared" });
    const refused = await agent.callTool({ name: "update_view", arguments: { view_id: view.id, name: "Taken over" } });
    expect(body(refused).error).toBe("admin_required");
    const admin = await connectMcp((await createPersonalToken(ws.admin)).secret);
    const ok = await admin.callTool({ name: "update_view", arguments: { view_id: view.id, name: "Renamed by admin" } });
    expect(body(ok).name).toBe("Renamed by admin");
    await admin.close();
  });

  it("another workspace's views are invisible to its tools", async () => {
    const view = await createView(ws.admin, { name: "Internal only", visibility: "shared" });
    const outsider = await connectMcp((await createPersonalToken(other.admin)).secret);
    const listed = body(await outsider.callTool({ name: "list_views", arguments: {} }));
    expect(listed.items.map((v: { id: string }) => v.id)).not.toContain(view.id);
    for (const [name, args] of [
      ["update_view", { view_id: view.id, name: "Hijacked" }],
      ["delete_view", { view_id: view.id }],
    ] as const) {
      expect(body(await outsider.callTool({ name, arguments: args })).error, name).toBe("not_found");
    }
    const bulk = body(
      await outsider.callTool({
        name: "bulk_update_tickets",
        arguments: { tickets: [numbers[0]], changes: { status: "closed" } },
      }),
    );
    expect(bulk.results[0]).toMatchObject({ result: "refused", error: { code: "not_found" } });
    await outsider.close();
  });
});
