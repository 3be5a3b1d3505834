// Sub-statuses and workflow rules: every verb and tool through the real HTTP route with the official
// MCP SDK client, the refusals, the rule that a sub-status always belongs to the ticket's status,
// follow-up tickets past the reopen window, and the auto-close job run through the queue.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { connectMcp, callTool as call, callToolOk as ok } from "../support/mcp-client";
import { prisma } from "@/lib/db";
import { autoCloseTicketsJob } from "@/lib/jobs/handlers/auto-close-tickets";
import { JobQueue } from "@/lib/jobs/queue";
import { autoCloseTickets } from "@/lib/services/case-statuses/auto-close-tickets";
import { createCaseStatus } from "@/lib/services/case-statuses/create-case-status";
import { deleteCaseStatus } from "@/lib/services/case-statuses/delete-case-status";
import { getCaseWorkflow } from "@/lib/services/case-statuses/get-case-workflow";
import { listCaseStatuses } from "@/lib/services/case-statuses/list-case-statuses";
import { updateCaseStatus } from "@/lib/services/case-statuses/update-case-status";
import { updateCaseWorkflow } from "@/lib/services/case-statuses/update-case-workflow";
import { createApiKey } from "@/lib/services/credentials/create-api-key";
import { createPersonalToken } from "@/lib/services/credentials/create-personal-token";
import { countTickets } from "@/lib/services/tickets/count-tickets";
import { createTicket } from "@/lib/services/tickets/create-ticket";
import { replyToTicket } from "@/lib/services/tickets/reply-to-ticket";
import { resolveTicket } from "@/lib/services/tickets/resolve-ticket";
import { setTicketStatus } from "@/lib/services/tickets/set-ticket-status";

const DAY = 86_400_000;

let ws: TestWorkspace;
let other: TestWorkspace;
let admin: Client;
let agent: Client;
let reader: Client;
const clients: Client[] = [];
const queues: JobQueue[] = [];

async function newTicket(t: TestWorkspace, subject: string) {
  return (await createTicket(t.owner, { subject, body: "Hello", contact_email: `c.${subject.length}@example.com` }))
    .ticket;
}

async function ticketRow(t: TestWorkspace, number: number) {
  return prisma.ticket.findUniqueOrThrow({
    where: { workspaceId_number: { workspaceId: t.workspace.id, number } },
    select: { id: true, status: true, caseStatusId: true, closedAt: true, resolvedAt: true, followUpOfId: true },
  });
}

beforeAll(async () => {
  ws = await createTestWorkspace("cs");
  other = await createTestWorkspace("cs-other");
  admin = await connectMcp((await createPersonalToken(ws.admin, { name: "Admin client" })).secret);
  agent = await connectMcp((await createPersonalToken(ws.agent, { name: "Agent client" })).secret);
  const readKey = await createApiKey(ws.admin, { name: "reader", scopes: ["mcp:read"] as never, org_level: true });
  reader = await connectMcp(readKey.secret);
  clients.push(admin, agent, reader);
});

afterAll(async () => {
  await Promise.all(queues.map((q) => q.stop()));
  await Promise.all(clients.map((c) => c.close()));
});

describe("case statuses over MCP", () => {
  const ids = { engineering: "", refund: "", triage: "" };

  it("create_case_status adds sub-statuses in order; list_case_statuses lists them with ticket counts", async () => {
    const a = await ok(admin, "create_case_status", {
      name: "Waiting on engineering",
      base_status: "pending",
      color: "violet",
    });
    expect(a).toMatchObject({ name: "Waiting on engineering", base_status: "pending", color: "violet", position: 0 });
    const b = await ok(admin, "create_case_status", { name: "Awaiting refund", base_status: "pending" });
    expect(b).toMatchObject({ color: "slate", position: 1 });
    const c = await ok(admin, "create_case_status", { name: "Triage", base_status: "open", color: "sky" });
    ids.engineering = a.id;
    ids.refund = b.id;
    ids.triage = c.id;
    const list = await ok(agent, "list_case_statuses", {});
    expect(list.items.map((s: { name: string }) => s.name)).toEqual([
      "Waiting on engineering",
      "Awaiting refund",
      "Triage",
    ]);
    expect(list.items.every((s: { ticket_count: number }) => s.ticket_count === 0)).toBe(true);
  });

  it("refuses a duplicate name, a bad colour, an agent, and a read-only key, naming what was wrong", async () => {
    const dup = await call(admin, "create_case_status", { name: "awaiting REFUND", base_status: "pending" });
    expect(dup.body).toMatchObject({ error: "conflict" });
    expect(dup.body.fields).toHaveProperty("name");
    const colour = await call(admin, "create_case_status", { name: "X", base_status: "open", color: "chartreuse" });
    expect(colour.body.error).toBe("validation_error");
    expect(colour.body.fields).toHaveProperty("color");
    const base = await call(admin, "create_case_status", { name: "X", base_status: "snoozed" });
    expect(base.body.fields).toHaveProperty("base_status");
    expect((await call(agent, "create_case_status", { name: "X", base_status: "open" })).body.error).toBe(
      "admin_required",
    );
    expect((await call(reader, "create_case_status", { name: "X", base_status: "open" })).body).toMatchObject({
      error: "insufficient_scope",
      required_scope: "case-statuses:write",
    });
    // A service called straight (the web app's path) holds the same line.
    await expect(createCaseStatus(ws.agent, { name: "X", base_status: "open" })).rejects.toMatchObject({
      code: "admin_required",
    });
  });

  it("update_case_status renames, recolours and reorders", async () => {
    const r = await ok(admin, "update_case_status", { case_status: ids.triage, name: "Needs triage", position: 0 });
    expect(r).toMatchObject({ name: "Needs triage", base_status: "open", position: 0 });
    const bad = await call(admin, "update_case_status", { case_status: ids.triage });
    expect(bad.body.error).toBe("validation_error");
    const missing = await call(admin, "update_case_status", { case_status: "nope", color: "red" });
    expect(missing.body.error).toBe("not_found");
    const listed = await listCaseStatuses(ws.agent);
    expect(listed[0]!.name).toBe("Needs triage");
  });

  it("another workspace's sub-status is not found anywhere", async () => {
    const theirs = await createCaseStatus(other.admin, { name: "Theirs", base_status: "pending" });
    const n = ws.tickets[0]!.ticket;
    for (const [name, args] of [
      ["update_case_status", { case_status: theirs.id, color: "red" }],
      ["delete_case_status", { case_status: theirs.id }],
      ["set_ticket_case_status", { ticket: n, case_status: theirs.id }],
    ] as const) {
      expect((await call(admin, name, args)).body.error, name).toBe("not_found");
    }
    expect((await ticketRow(ws, n)).caseStatusId).toBeNull();
    await deleteCaseStatus(other.admin, { case_status: theirs.id });
  });

  it("set_ticket_case_status: a sub-status brings its base status; a new base status clears one of another base", async () => {
    const n = ws.tickets[0]!.ticket;
    const set = await ok(agent, "set_ticket_case_status", { ticket: n, case_status: ids.engineering });
    expect(set).toMatchObject({ ticket: n, status: "pending", changed: true, follow_up: null });
    expect(set.case_status).toMatchObject({ id: ids.engineering, name: "Waiting on engineering", color: "violet" });
    expect(await ticketRow(ws, n)).toMatchObject({ status: "pending", caseStatusId: ids.engineering });

    // Same base status: the sub-status stays when only the base is named again.
    expect(await ok(agent, "set_ticket_case_status", { ticket: n, status: "pending" })).toMatchObject({
      changed: false,
      case_status: { id: ids.engineering },
    });
    // Both given and disagreeing: a field error on case_status, nothing changed.
    const clash = await call(agent, "set_ticket_case_status", { ticket: n, status: "open", case_status: ids.refund });
    expect(clash.body.error).toBe("validation_error");
    expect(clash.body.fields.case_status[0]).toContain("pending");
    expect((await call(agent, "set_ticket_case_status", { ticket: n })).body.fields).toHaveProperty("status");

    const got = await ok(agent, "get_ticket", { ticket: n });
    expect(got).toMatchObject({
      status: "pending",
      case_status: { id: ids.engineering, name: "Waiting on engineering" },
    });

    // resolve_ticket moves the base status: the pending sub-status goes.
    expect(await ok(agent, "resolve_ticket", { ticket: n })).toMatchObject({ status: "resolved", case_status: null });
    expect(await ticketRow(ws, n)).toMatchObject({ status: "resolved", caseStatusId: null });
    // reopen to open, then a sub-status of open, then clear it with null.
    await ok(agent, "reopen_ticket", { ticket: n });
    await ok(agent, "set_ticket_case_status", { ticket: n, case_status: ids.triage });
    const cleared = await ok(agent, "set_ticket_case_status", { ticket: n, case_status: null });
    expect(cleared).toMatchObject({ status: "open", case_status: null, changed: true });

    // An agent reply moves open to pending and clears the open sub-status.
    await ok(agent, "set_ticket_case_status", { ticket: n, case_status: ids.triage });
    const reply = await ok(agent, "reply_to_ticket", { ticket: n, body: "Looking into it." });
    expect(reply).toMatchObject({ status: "pending", follow_up_of: null });
    expect(await ticketRow(ws, n)).toMatchObject({ status: "pending", caseStatusId: null });

    const activity = await prisma.ticketActivity.findMany({
      where: { ticketId: (await ticketRow(ws, n)).id, action: "status" },
      orderBy: { createdAt: "asc" },
    });
    expect(activity[0]).toMatchObject({ via: "mcp", credentialName: "Agent client", actorUserId: ws.users.agent });
    expect(activity[0]!.changes).toEqual({
      status: { from: "open", to: "pending" },
      case_status: { from: null, to: "Waiting on engineering" },
    });
  });

  it("the database itself refuses a status that disagrees with the sub-status", async () => {
    const n = ws.tickets[1]!.ticket;
    await setTicketStatus(ws.agent, { ticket: n, case_status: ids.refund });
    await expect(
      prisma.ticket.update({ where: { id: (await ticketRow(ws, n)).id }, data: { status: "open" } }),
    ).rejects.toThrow();
    expect((await ticketRow(ws, n)).status).toBe("pending");
  });

  it("search_tickets filters by sub-status; the base status filter still works; counts agree", async () => {
    const [a, b] = [ws.tickets[1]!.ticket, ws.tickets[2]!.ticket];
    await setTicketStatus(ws.agent, { ticket: b, case_status: ids.engineering });
    const byRefund = await ok(agent, "search_tickets", { case_status: ids.refund });
    expect(byRefund.items.map((t: { number: number }) => t.number)).toEqual([a]);
    expect(byRefund.items[0].case_status).toMatchObject({ id: ids.refund, name: "Awaiting refund" });
    const pending = await ok(agent, "search_tickets", { status: "pending" });
    expect(pending.items.map((t: { number: number }) => t.number)).toEqual(expect.arrayContaining([a, b]));
    const both = await ok(agent, "search_tickets", { status: "pending", case_status: ids.engineering, q: "invite" });
    expect(both.items.map((t: { number: number }) => t.number)).toEqual([b]);
    expect((await ok(agent, "search_tickets", { status: "open", case_status: ids.engineering })).items).toEqual([]);
    expect(await countTickets(ws.agent, { case_status: ids.refund })).toEqual({ count: 1, exact: true });
    const bad = await call(agent, "search_tickets", { case_status: "x".repeat(80) });
    expect(bad.body.fields).toHaveProperty("case_status");

    const backlog = await ok(agent, "get_backlog", { by: "case_status" });
    expect(backlog.groups).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: ids.refund, label: "Awaiting refund", pending: 1 }),
        expect.objectContaining({ key: ids.engineering, pending: 1 }),
      ]),
    );
  });

  it("delete_case_status refuses a sub-status in use with its ticket count; base status cannot move under tickets", async () => {
    const inUse = await call(admin, "delete_case_status", { case_status: ids.refund });
    expect(inUse.body).toMatchObject({ error: "conflict" });
    expect(inUse.body.message).toContain("1 ticket");
    const move = await call(admin, "update_case_status", { case_status: ids.refund, base_status: "open" });
    expect(move.body.error).toBe("conflict");
    expect(move.body.fields).toHaveProperty("base_status");
    expect((await call(agent, "delete_case_status", { case_status: ids.refund })).body.error).toBe("admin_required");

    await setTicketStatus(ws.agent, { ticket: ws.tickets[1]!.ticket, status: "open" });
    expect(await ok(admin, "delete_case_status", { case_status: ids.refund })).toMatchObject({
      id: ids.refund,
      deleted: true,
    });
    expect((await listCaseStatuses(ws.agent)).map((s) => s.id)).not.toContain(ids.refund);
    // Unused now, its base status may move.
    await expect(
      updateCaseStatus(ws.admin, { case_status: ids.triage, base_status: "pending" }),
    ).resolves.toMatchObject({
      base_status: "pending",
    });
  });

  it("writes an audit event for each change of the catalogue", async () => {
    const actions = await prisma.auditEvent.findMany({
      where: { workspaceId: ws.workspace.id, action: { startsWith: "case_status." } },
      select: { action: true },
    });
    expect(new Set(actions.map((a) => a.action))).toEqual(
      new Set(["case_status.create", "case_status.update", "case_status.delete"]),
    );
  });
});

describe("workflow rules", () => {
  it("get_case_workflow and update_case_workflow read and change the rules; bad values name their field", async () => {
    expect(await ok(agent, "get_case_workflow", {})).toEqual({ reopen_window_days: null, auto_close_days: null });
    expect(await ok(admin, "update_case_workflow", { reopen_window_days: 3 })).toEqual({
      reopen_window_days: 3,
      auto_close_days: null,
    });
    expect(await getCaseWorkflow(ws.agent)).toEqual({ reopen_window_days: 3, auto_close_days: null });
    const zero = await call(admin, "update_case_workflow", { auto_close_days: 0 });
    expect(zero.body.fields).toHaveProperty("auto_close_days");
    const negative = await call(admin, "update_case_workflow", { reopen_window_days: -1 });
    expect(negative.body.fields).toHaveProperty("reopen_window_days");
    expect((await call(admin, "update_case_workflow", {})).body.error).toBe("validation_error");
    expect((await call(agent, "update_case_workflow", { auto_close_days: 5 })).body.error).toBe("admin_required");
    expect((await call(reader, "update_case_workflow", { auto_close_days: 5 })).body).toMatchObject({
      error: "insufficient_scope",
      required_scope: "case-workflows:write",
    });
    const audit = await prisma.auditEvent.count({
      where: { workspaceId: ws.workspace.id, action: "case_workflow.update" },
    });
    expect(audit).toBe(1);
  });

  it("a closed ticket reopens inside the window; past it, a reopen or a reply opens a linked follow-up instead", async () => {
    const recent = await newTicket(ws, "Closed yesterday");
    await setTicketStatus(ws.agent, { ticket: recent, status: "closed" });
    const recentRow = await ticketRow(ws, recent);
    expect(recentRow.closedAt).toBeInstanceOf(Date);
    await prisma.ticket.update({ where: { id: recentRow.id }, data: { closedAt: new Date(Date.now() - DAY) } });
    expect(await ok(agent, "reopen_ticket", { ticket: recent })).toMatchObject({
      status: "open",
      changed: true,
      follow_up: null,
    });

    const old = await newTicket(ws, "Closed last week");
    await setTicketStatus(ws.agent, { ticket: old, status: "closed" });
    const oldRow = await ticketRow(ws, old);
    await prisma.ticket.update({ where: { id: oldRow.id }, data: { closedAt: new Date(Date.now() - 5 * DAY) } });

    const reopened = await ok(agent, "reopen_ticket", { ticket: old });
    expect(reopened).toMatchObject({ ticket: old, status: "closed", changed: false });
    expect(reopened.follow_up).toBeGreaterThan(old);
    expect((await ticketRow(ws, old)).status).toBe("closed");
    const followUp = await ok(agent, "get_ticket", { ticket: reopened.follow_up });
    expect(followUp).toMatchObject({ status: "open", subject: "Follow-up: Closed last week", follow_up_of: old });
    expect((await ok(agent, "get_ticket", { ticket: old })).follow_ups).toEqual([reopened.follow_up]);

    // A reply lands in the follow-up still being worked, where an agent's answer makes it pending.
    const reply = await replyToTicket(ws.agent, { ticket: old, body: "Picking this up again." });
    expect(reply).toMatchObject({ ticket: reopened.follow_up, follow_up_of: old, status: "pending" });
    const message = await prisma.message.findUniqueOrThrow({
      where: { id: reply.message_id },
      select: { ticketId: true },
    });
    expect(message.ticketId).toBe((await ticketRow(ws, reopened.follow_up)).id);
    expect((await ticketRow(ws, reopened.follow_up)).followUpOfId).toBe(oldRow.id);

    // Once that follow-up is closed too, the next reply opens another.
    await setTicketStatus(ws.agent, { ticket: reopened.follow_up, status: "closed" });
    const again = await replyToTicket(ws.agent, { ticket: old, body: "One more thing." });
    expect(again.follow_up_of).toBe(old);
    expect(again.ticket).not.toBe(reopened.follow_up);
    expect((await ok(agent, "get_ticket", { ticket: old })).follow_ups).toEqual([reopened.follow_up, again.ticket]);

    const history = await prisma.ticketActivity.findMany({
      where: { ticketId: oldRow.id, action: "follow_up" },
      orderBy: { createdAt: "asc" },
    });
    expect(history.map((h) => h.changes)).toEqual([
      { follow_up: reopened.follow_up, reason: "reopen" },
      { follow_up: again.ticket, reason: "reply" },
    ]);
    // Closing again is allowed: only leaving closed is held.
    expect(await ok(agent, "set_ticket_case_status", { ticket: old, status: "closed" })).toMatchObject({
      changed: false,
    });
  });
});

describe("the auto-close job", () => {
  it("run through the queue, closes only resolved tickets with no reply for the workspace's days, once", async () => {
    const t = await createTestWorkspace("autoclose");
    const untouched = await createTestWorkspace("autoclose-off");
    await updateCaseWorkflow(t.admin, { auto_close_days: 7 });
    const old = new Date(Date.now() - 10 * DAY);
    const resolveAt = async (w: TestWorkspace, number: number, at: Date) => {
      await resolveTicket(w.agent, { ticket: number });
      await prisma.ticket.update({ where: { id: (await ticketRow(w, number)).id }, data: { resolvedAt: at } });
      // Its messages are as old as the resolution, so only later replies count.
      await prisma.message.updateMany({
        where: { ticketId: (await ticketRow(w, number)).id },
        data: { createdAt: at },
      });
    };
    const [eligible, replied, recent, open] = t.tickets.map((x) => x.ticket).concat(await newTicket(t, "Open one"));
    const withSub = await newTicket(t, "Resolved with sub-status");
    const done = await createCaseStatus(t.admin, { name: "Fixed, confirm", base_status: "resolved" });
    await resolveAt(t, eligible!, old);
    await resolveAt(t, replied!, old);
    await prisma.message.create({
      data: {
        workspaceId: t.workspace.id,
        ticketId: (await ticketRow(t, replied!)).id,
        kind: "reply",
        authorType: "contact",
        body: "Still broken",
        createdAt: new Date(Date.now() - 2 * DAY),
      },
    });
    await resolveAt(t, recent!, new Date(Date.now() - 2 * DAY));
    await setTicketStatus(t.agent, { ticket: withSub, case_status: done.id });
    await prisma.ticket.update({ where: { id: (await ticketRow(t, withSub)).id }, data: { resolvedAt: old } });
    await prisma.message.updateMany({
      where: { ticketId: (await ticketRow(t, withSub)).id },
      data: { createdAt: old },
    });
    await resolveAt(untouched, untouched.tickets[0]!.ticket, old);

    const queue = new JobQueue({
      connectionString: inject("databaseUrl"),
      pollingIntervalSeconds: 0.5,
    });
    queues.push(queue);
    await queue.work([autoCloseTicketsJob]);
    await queue.enqueue(autoCloseTicketsJob, {});
    const deadline = Date.now() + 60_000;
    while ((await ticketRow(t, eligible!)).status !== "closed") {
      if (Date.now() > deadline) throw new Error("the auto-close job never closed the eligible ticket");
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 300));
    expect((await ticketRow(t, withSub)).status).toBe("closed");
    expect((await ticketRow(t, withSub)).caseStatusId).toBeNull();
    expect((await ticketRow(t, replied!)).status).toBe("resolved");
    expect((await ticketRow(t, recent!)).status).toBe("resolved");
    expect((await ticketRow(t, open!)).status).toBe("open");
    expect((await ticketRow(untouched, untouched.tickets[0]!.ticket)).status).toBe("resolved");
    const closed = await ticketRow(t, eligible!);
    expect(closed.closedAt).toBeInstanceOf(Date);
    expect(closed.resolvedAt).toEqual(old);

    const activity = await prisma.ticketActivity.findMany({ where: { ticketId: closed.id, action: "auto_close" } });
    expect(activity).toHaveLength(1);
    expect(activity[0]).toMatchObject({ via: "system", actorUserId: null, credentialId: null });
    expect(activity[0]!.changes).toMatchObject({ status: { from: "resolved", to: "closed" }, after_days: 7 });

    // A second run finds nothing more to do in this workspace and writes nothing twice.
    await autoCloseTickets();
    expect(await prisma.ticketActivity.count({ where: { ticketId: closed.id, action: "auto_close" } })).toBe(1);
    expect((await ticketRow(t, replied!)).status).toBe("resolved");
  });
});

describe("the web app's service path", () => {
  it("holds the same rules as the tools (the ticket page's picker calls setTicketStatus)", async () => {
    const s = await createCaseStatus(ws.admin, { name: "On hold", base_status: "pending", color: "amber" });
    const n = await newTicket(ws, "Web path");
    const r = await setTicketStatus(
      { ...ws.agent, via: "web" },
      { ticket: String(n), status: "pending", case_status: s.id },
    );
    expect(r).toMatchObject({ status: "pending", case_status: { name: "On hold" } });
    await expect(setTicketStatus(ws.agent, { ticket: n, status: "open", case_status: s.id })).rejects.toMatchObject({
      code: "validation_error",
    });
    await expect(deleteCaseStatus(ws.admin, { case_status: s.id })).rejects.toMatchObject({ code: "conflict" });
  });
});
