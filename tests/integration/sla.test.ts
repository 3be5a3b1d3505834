// SLA policies and business hours: every verb and tool through the real HTTP route with the official
// MCP SDK client, the refusals, due times kept by every ticket write (the first reply, the pause while
// pending, a priority, team or tag change), the SLA filters, the breach job run through the queue,
// get_ticket's SLA state and get_support_metrics' attainment.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { connectMcp, callTool as call, callToolOk as ok } from "../support/mcp-client";
import { prisma } from "@/lib/db";
import { slaBreachesJob } from "@/lib/jobs/handlers/sla-breaches";
import { JobQueue } from "@/lib/jobs/queue";
import { createApiKey } from "@/lib/services/credentials/create-api-key";
import { createPersonalToken } from "@/lib/services/credentials/create-personal-token";
import { createSlaPolicy } from "@/lib/services/sla/create-sla-policy";
import { deleteSlaPolicy } from "@/lib/services/sla/delete-sla-policy";
import { getBusinessHours } from "@/lib/services/sla/get-business-hours";
import { getSlaPolicy } from "@/lib/services/sla/get-sla-policy";
import { listSlaPolicies } from "@/lib/services/sla/list-sla-policies";
import { markSlaBreaches } from "@/lib/services/sla/mark-sla-breaches";
import { updateBusinessHours } from "@/lib/services/sla/update-business-hours";
import { updateSlaPolicy } from "@/lib/services/sla/update-sla-policy";
import { countTickets } from "@/lib/services/tickets/count-tickets";
import { createTicket } from "@/lib/services/tickets/create-ticket";
import { replyToTicket } from "@/lib/services/tickets/reply-to-ticket";

const MINUTE = 60_000;

let ws: TestWorkspace;
let other: TestWorkspace;
let admin: Client;
let agent: Client;
let reader: Client;
let outsider: Client;
const clients: Client[] = [];
const queues: JobQueue[] = [];

async function refused(client: Client, name: string, args: Record<string, unknown>) {
  const { isError, body } = await call(client, name, args);
  expect(isError, `${name} should refuse: ${JSON.stringify(body)}`).toBe(true);
  return body;
}

let contactN = 0;
async function newTicket(subject: string, priority: "low" | "normal" | "high" | "urgent", extra: object = {}) {
  return (
    await createTicket(ws.owner, {
      subject,
      body: "Hello",
      contact_email: `sla.${++contactN}@example.com`,
      priority,
      ...extra,
    })
  ).ticket;
}

async function row(number: number) {
  return prisma.ticket.findUniqueOrThrow({
    where: { workspaceId_number: { workspaceId: ws.workspace.id, number } },
    select: {
      id: true,
      createdAt: true,
      slaPolicyId: true,
      firstResponseDueAt: true,
      resolutionDueAt: true,
      slaDueAt: true,
      slaPausedAt: true,
      slaBreachedAt: true,
      firstResponseMissed: true,
      resolutionMissed: true,
    },
  });
}

/** Moves a ticket's clock back as if `minutes` had passed since it was created. */
async function age(number: number, minutes: number) {
  const r = await row(number);
  const shift = (d: Date | null) => (d ? new Date(d.getTime() - minutes * MINUTE) : null);
  await prisma.ticket.update({
    where: { id: r.id },
    data: {
      createdAt: shift(r.createdAt)!,
      firstResponseDueAt: shift(r.firstResponseDueAt),
      resolutionDueAt: shift(r.resolutionDueAt),
      slaDueAt: shift(r.slaDueAt),
    },
  });
}

const ids = { standard: "", vip: "", billing: "" };

beforeAll(async () => {
  ws = await createTestWorkspace("sla");
  other = await createTestWorkspace("sla-other");
  admin = await connectMcp((await createPersonalToken(ws.admin, { name: "Admin client" })).secret);
  agent = await connectMcp((await createPersonalToken(ws.agent, { name: "Agent client" })).secret);
  const readKey = await createApiKey(ws.admin, {
    name: "reader",
    scopes: ["sla:read", "tickets:read"] as never,
    org_level: true,
  });
  reader = await connectMcp(readKey.secret);
  outsider = await connectMcp((await createPersonalToken(other.admin, { name: "Other admin" })).secret);
  clients.push(admin, agent, reader, outsider);
});

afterAll(async () => {
  await Promise.all(queues.map((q) => q.stop()));
  await Promise.all(clients.map((c) => c.close()));
});

describe("SLA policies over MCP", () => {
  it("create_sla_policy adds policies; list_sla_policies and get_sla_policy read them", async () => {
    const standard = await ok(admin, "create_sla_policy", {
      name: "Standard",
      business_hours: false,
      targets: {
        urgent: { first_response_minutes: 30, resolution_minutes: 240 },
        high: { first_response_minutes: 300, resolution_minutes: 1440 },
        normal: { resolution_minutes: 2880 },
      },
    });
    expect(standard).toMatchObject({
      name: "Standard",
      team: null,
      tag: null,
      business_hours: false,
      position: 0,
      targets: {
        urgent: { first_response_minutes: 30, resolution_minutes: 240 },
        normal: { first_response_minutes: null },
      },
    });
    ids.standard = standard.id;
    const vip = await ok(admin, "create_sla_policy", {
      name: "VIP",
      tag: "VIP",
      business_hours: false,
      targets: { urgent: { first_response_minutes: 10, resolution_minutes: 60 } },
    });
    expect(vip).toMatchObject({ tag: "vip", position: 1 });
    ids.vip = vip.id;
    const billing = await ok(admin, "create_sla_policy", {
      name: "Billing team",
      team: ws.teams[0]!.id,
      business_hours: false,
      targets: { urgent: { first_response_minutes: 20, resolution_minutes: 120 } },
    });
    expect(billing.team).toEqual(ws.teams[0]);
    ids.billing = billing.id;

    const list = await ok(reader, "list_sla_policies", {});
    expect(list.items.map((p: { name: string }) => p.name)).toEqual(["Standard", "VIP", "Billing team"]);
    expect(list.items[0].active_ticket_count).toBe(0);
    expect(await ok(reader, "get_sla_policy", { sla_policy: ids.vip })).toMatchObject({ name: "VIP", tag: "vip" });
    expect((await listSlaPolicies(ws.agent)).map((p) => p.id)).toEqual([ids.standard, ids.vip, ids.billing]);
    expect(await getSlaPolicy(ws.agent, { sla_policy: ids.billing })).toMatchObject({ name: "Billing team" });
  });

  it("refuses bad input naming the field, duplicates, unknown teams, agents and read-only credentials", async () => {
    const noTargets = await refused(admin, "create_sla_policy", { name: "Empty", targets: {} });
    expect(noTargets.error).toBe("validation_error");
    expect(Object.keys(noTargets.fields)).toContain("targets");
    const badMinutes = await refused(admin, "create_sla_policy", {
      name: "Bad",
      targets: { urgent: { first_response_minutes: 0 } },
    });
    expect(badMinutes.fields["targets.urgent.first_response_minutes"][0]).toMatch(/at least 1 minute/);
    const badPriority = await refused(admin, "create_sla_policy", { name: "Bad", targets: { critical: {} } });
    expect(badPriority.error).toBe("validation_error");
    const taken = await refused(admin, "create_sla_policy", {
      name: "standard",
      targets: { low: { resolution_minutes: 10 } },
    });
    expect(taken).toMatchObject({ error: "conflict", fields: { name: ["is taken"] } });
    const team = await refused(admin, "create_sla_policy", {
      name: "Ghost team",
      team: other.teams[0]!.id,
      targets: { low: { resolution_minutes: 10 } },
    });
    expect(team).toMatchObject({ error: "not_found", fields: { team: ["no such team"] } });
    expect(
      (await refused(agent, "create_sla_policy", { name: "Mine", targets: { low: { resolution_minutes: 5 } } })).error,
    ).toBe("admin_required");
    expect((await refused(reader, "delete_sla_policy", { sla_policy: ids.vip })).error).toBe("insufficient_scope");
    expect((await refused(outsider, "get_sla_policy", { sla_policy: ids.vip })).error).toBe("not_found");
    expect((await refused(outsider, "update_sla_policy", { sla_policy: ids.vip, name: "Mine" })).error).toBe(
      "not_found",
    );
    expect((await refused(outsider, "delete_sla_policy", { sla_policy: ids.vip })).error).toBe("not_found");
    expect((await refused(admin, "update_sla_policy", { sla_policy: ids.vip })).error).toBe("validation_error");
    await expect(
      createSlaPolicy(ws.agent, { name: "x", targets: { low: { resolution_minutes: 5 } } }),
    ).rejects.toMatchObject({
      code: "admin_required",
    });
  });

  it("business hours: get and update, with the time zone checked", async () => {
    expect(await ok(reader, "get_business_hours", {})).toMatchObject({ configured: false, time_zone: "UTC" });
    const saved = await ok(admin, "update_business_hours", {
      time_zone: "Europe/Berlin",
      weekly: {
        mon: [{ start: "09:00", end: "17:00" }],
        fri: [
          { start: "13:00", end: "17:00" },
          { start: "08:00", end: "12:00" },
        ],
      },
      holidays: ["2026-12-25", "2026-12-24", "2026-12-25"],
    });
    expect(saved).toMatchObject({
      configured: true,
      time_zone: "Europe/Berlin",
      holidays: ["2026-12-24", "2026-12-25"],
      weekly: {
        mon: [{ start: "09:00", end: "17:00" }],
        tue: [],
        fri: [
          { start: "08:00", end: "12:00" },
          { start: "13:00", end: "17:00" },
        ],
      },
    });
    expect(await getBusinessHours(ws.agent)).toEqual(saved);
    const zone = await refused(admin, "update_business_hours", {
      time_zone: "Mars/Olympus",
      weekly: { mon: [], tue: [{ start: "09:00", end: "17:00" }] },
    });
    expect(zone.fields.time_zone[0]).toMatch(/IANA time zone/);
    const overlap = await refused(admin, "update_business_hours", {
      time_zone: "UTC",
      weekly: {
        mon: [
          { start: "09:00", end: "13:00" },
          { start: "12:00", end: "17:00" },
        ],
      },
    });
    expect(overlap.fields["weekly.mon"][0]).toMatch(/overlap/);
    const backwards = await refused(admin, "update_business_hours", {
      time_zone: "UTC",
      weekly: { mon: [{ start: "17:00", end: "09:00" }] },
    });
    expect(backwards.fields["weekly.mon.0.end"][0]).toMatch(/after start/);
    const closed = await refused(admin, "update_business_hours", { time_zone: "UTC", weekly: {} });
    expect(closed.error).toBe("validation_error");
    expect(
      (
        await refused(agent, "update_business_hours", {
          time_zone: "UTC",
          weekly: { mon: [{ start: "09:00", end: "17:00" }] },
        })
      ).error,
    ).toBe("admin_required");
    // The rest of the suite counts every hour (its policies say so); the workspace keeps a calendar.
    await updateBusinessHours(ws.admin, { time_zone: "UTC", weekly: { mon: [{ start: "00:00", end: "24:00" }] } });
  });
});

describe("due times on tickets", () => {
  it("a new ticket takes the most specific policy, and get_ticket returns its SLA state", async () => {
    const plain = await newTicket("Checkout is down", "urgent");
    const r = await row(plain);
    expect(r.slaPolicyId).toBe(ids.standard);
    expect(r.firstResponseDueAt!.getTime() - r.createdAt.getTime()).toBe(30 * MINUTE);
    expect(r.resolutionDueAt!.getTime() - r.createdAt.getTime()).toBe(240 * MINUTE);
    expect(r.slaDueAt).toEqual(r.firstResponseDueAt);
    const t = await ok(agent, "get_ticket", { ticket: plain });
    expect(t.sla).toMatchObject({
      policy: { id: ids.standard, name: "Standard" },
      breached: false,
      paused: false,
      first_response: { state: "running", due_at: r.firstResponseDueAt!.toISOString() },
      resolution: { state: "running" },
      next_due_at: r.firstResponseDueAt!.toISOString(),
    });
    expect(t.sla.first_response.remaining_seconds).toBeGreaterThan(29 * 60);
    expect(t.sla_due_at).toBe(r.firstResponseDueAt!.toISOString());

    const vip = await newTicket("VIP checkout", "urgent", { tags: ["vip"] });
    expect((await row(vip)).slaPolicyId).toBe(ids.vip);
    const billing = await newTicket("Billing outage", "urgent", { team: ws.teams[0]!.id });
    expect((await row(billing)).slaPolicyId).toBe(ids.billing);
    const none = await newTicket("Just a question", "low");
    expect((await row(none)).slaPolicyId).toBeNull();
    expect((await ok(agent, "get_ticket", { ticket: none })).sla).toMatchObject({
      policy: null,
      breached: false,
      first_response: { state: "none" },
    });

    const activity = await prisma.ticketActivity.findMany({ where: { ticketId: r.id, action: "sla_policy" } });
    expect(activity).toHaveLength(1);
    expect(activity[0]!.changes).toMatchObject({ sla_policy: { from: null, to: "Standard" } });
  });

  it("a priority, tag or team change recomputes the due times in the same write", async () => {
    const n = await newTicket("Slow reports", "normal");
    expect((await row(n)).firstResponseDueAt).toBeNull();
    await ok(agent, "update_ticket", { ticket: n, priority: "urgent" });
    const urgent = await row(n);
    expect(urgent.firstResponseDueAt!.getTime() - urgent.createdAt.getTime()).toBe(30 * MINUTE);
    await ok(agent, "add_ticket_tags", { ticket: n, tags: ["vip"] });
    const vip = await row(n);
    expect(vip.slaPolicyId).toBe(ids.vip);
    expect(vip.firstResponseDueAt!.getTime() - vip.createdAt.getTime()).toBe(10 * MINUTE);
    await ok(agent, "remove_ticket_tags", { ticket: n, tags: ["vip"] });
    await ok(agent, "transfer_ticket", { ticket: n, team: ws.teams[0]!.id });
    expect((await row(n)).slaPolicyId).toBe(ids.billing);
    const history = await prisma.ticketActivity.findMany({
      where: { ticketId: vip.id, action: "sla_policy" },
      orderBy: { createdAt: "asc" },
    });
    expect(history.map((h) => (h.changes as { sla_policy: { to: string } }).sla_policy.to)).toEqual([
      "Standard",
      "VIP",
      "Standard",
      "Billing team",
    ]);
  });

  it("the first agent reply meets the first response; pending stops the clock and open restarts it later", async () => {
    const n = await newTicket("Cannot log in", "urgent");
    await age(n, 10);
    const reply = await ok(agent, "reply_to_ticket", { ticket: n, body: "Looking into it." });
    expect(reply.status).toBe("pending");
    const paused = await row(n);
    expect(paused.firstResponseMissed).toBe(false);
    expect(paused.slaPausedAt).toBeInstanceOf(Date);
    expect(paused.slaDueAt).toBeNull();
    const state = (await ok(agent, "get_ticket", { ticket: n })).sla;
    expect(state).toMatchObject({ paused: true, first_response: { state: "met" }, resolution: { state: "paused" } });
    expect(await countTickets(ws.agent, { sla: "due_1h" })).toMatchObject({ exact: true });

    // Pending for an hour: the resolution due moves out by that hour.
    await prisma.ticket.update({ where: { id: paused.id }, data: { slaPausedAt: new Date(Date.now() - 60 * MINUTE) } });
    await ok(agent, "set_ticket_case_status", { ticket: n, status: "open" });
    const resumed = await row(n);
    expect(resumed.slaPausedAt).toBeNull();
    expect(resumed.resolutionDueAt!.getTime() - paused.resolutionDueAt!.getTime()).toBe(60 * MINUTE);
    expect(resumed.slaDueAt).toEqual(resumed.resolutionDueAt);
  });

  it("filters 'breached' (derived before the job runs) and 'due within 1 h'; the job flags the breach once", async () => {
    const late = await newTicket("Payment failed", "urgent");
    await age(late, 45); // first response was due 15 minutes ago
    const soon = await newTicket("Password reset", "urgent"); // first response due in 30 minutes
    const later = await newTicket("Feature request", "high"); // first response due in 5 hours
    const numbers = (r: Record<string, any>) => (r.items as { number: number }[]).map((t) => t.number);

    const breached = await ok(agent, "search_tickets", { sla: "breached" });
    expect(numbers(breached)).toContain(late);
    expect(numbers(breached)).not.toContain(soon);
    expect(breached.items.find((t: { number: number }) => t.number === late).sla_breached).toBe(true);
    const due = await ok(agent, "search_tickets", { sla: "due_1h" });
    expect(numbers(due)).toContain(soon);
    expect(numbers(due)).not.toContain(late);
    expect(numbers(due)).not.toContain(later);
    expect((await countTickets(ws.agent, { sla: "breached" })).count).toBe(numbers(breached).length);
    const bad = await refused(agent, "search_tickets", { sla: "overdue" });
    expect(bad.fields.sla[0]).toMatch(/breached/);
    expect((await ok(agent, "get_ticket", { ticket: late })).sla).toMatchObject({
      breached: true,
      first_response: { state: "missed" },
    });
    // The filter above is derived from the due times; the flag comes from the breach job (which another
    // process's scheduled run may already have done), and flags it once.

    const queue = new JobQueue({
      connectionString: inject("databaseUrl"),
      pollingIntervalSeconds: 0.5,
    });
    queues.push(queue);
    await queue.work([slaBreachesJob]);
    await queue.enqueue(slaBreachesJob, {});
    const deadline = Date.now() + 60_000;
    while ((await row(late)).slaBreachedAt === null) {
      if (Date.now() > deadline) throw new Error("the breach job never flagged the late ticket");
      await new Promise((r) => setTimeout(r, 200));
    }
    const flagged = await row(late);
    expect(flagged.firstResponseMissed).toBe(true);
    expect(flagged.slaDueAt).toEqual(flagged.resolutionDueAt);
    expect((await row(soon)).slaBreachedAt).toBeNull();
    const activity = await prisma.ticketActivity.findMany({ where: { ticketId: flagged.id, action: "sla_breach" } });
    expect(activity).toHaveLength(1);
    expect(activity[0]).toMatchObject({ via: "system", actorUserId: null });
    expect(activity[0]!.changes).toMatchObject({ target: "first_response" });
    await markSlaBreaches();
    expect(await prisma.ticketActivity.count({ where: { ticketId: flagged.id, action: "sla_breach" } })).toBe(1);
    expect(numbers(await ok(agent, "search_tickets", { sla: "breached" }))).toContain(late);

    // Resolving takes it off the breached list; the missed target stays for attainment.
    await ok(agent, "resolve_ticket", { ticket: late });
    expect(numbers(await ok(agent, "search_tickets", { sla: "breached" }))).not.toContain(late);
    expect(await row(late)).toMatchObject({ slaBreachedAt: null, firstResponseMissed: true });
  });

  it("get_support_metrics reports attainment per target", async () => {
    const t = await createTestWorkspace("sla-metrics");
    await createSlaPolicy(t.admin, {
      name: "All",
      business_hours: false,
      targets: { normal: { first_response_minutes: 60, resolution_minutes: 600 } },
    });
    const onTime = (await createTicket(t.owner, { subject: "A", body: "x", contact_email: "a@example.com" })).ticket;
    const late = (await createTicket(t.owner, { subject: "B", body: "x", contact_email: "b@example.com" })).ticket;
    await replyToTicket(t.agent, { ticket: onTime, body: "On it" });
    const lateRow = await prisma.ticket.findUniqueOrThrow({
      where: { workspaceId_number: { workspaceId: t.workspace.id, number: late } },
      select: { id: true, firstResponseDueAt: true },
    });
    await prisma.ticket.update({
      where: { id: lateRow.id },
      data: { firstResponseDueAt: new Date(Date.now() - MINUTE), slaDueAt: new Date(Date.now() - MINUTE) },
    });
    await replyToTicket(t.agent, { ticket: late, body: "Sorry for the wait" });
    const client = await connectMcp((await createPersonalToken(t.agent, { name: "metrics" })).secret);
    clients.push(client);
    const metrics = await ok(client, "get_support_metrics", { period_days: 7 });
    const all = metrics.groups.find((g: { label: string }) => g.label === "All tickets");
    expect(all.sla.first_response).toEqual({ measured: 2, met: 1, attainment: 0.5 });
    expect(all.sla.resolution).toEqual({ measured: 0, met: 0, attainment: null });
  });

  it("update_sla_policy changes targets for the next change; delete_sla_policy stops its tickets' clocks", async () => {
    const updated = await ok(admin, "update_sla_policy", {
      sla_policy: ids.billing,
      name: "Billing escalations",
      tag: "escalated",
      targets: { high: { first_response_minutes: 15, resolution_minutes: 90 } },
    });
    expect(updated).toMatchObject({
      name: "Billing escalations",
      tag: "escalated",
      targets: { high: { first_response_minutes: 15 } },
    });
    expect(updated.targets.urgent).toBeUndefined();
    await updateSlaPolicy(ws.admin, { sla_policy: ids.billing, position: 9 });

    const n = await newTicket("VIP refund", "urgent", { tags: ["vip"] });
    expect((await row(n)).slaPolicyId).toBe(ids.vip);
    expect(await ok(admin, "delete_sla_policy", { sla_policy: ids.vip })).toEqual({
      id: ids.vip,
      name: "VIP",
      deleted: true,
    });
    expect(await row(n)).toMatchObject({ slaPolicyId: null, slaDueAt: null });
    expect((await ok(agent, "get_ticket", { ticket: n })).sla.policy).toBeNull();
    await expect(deleteSlaPolicy(ws.admin, { sla_policy: ids.vip })).rejects.toMatchObject({ code: "not_found" });
    // Its next change applies whatever policy matches now.
    await ok(agent, "update_ticket", { ticket: n, priority: "high" });
    expect((await row(n)).slaPolicyId).toBe(ids.standard);
  });

  it("every write is in the audit log", async () => {
    const actions = await prisma.auditEvent.findMany({
      where: {
        workspaceId: ws.workspace.id,
        action: { in: ["sla_policy.create", "sla_policy.update", "sla_policy.delete", "business_hours.update"] },
      },
      select: { action: true },
    });
    const counts = actions.reduce<Record<string, number>>((m, a) => ({ ...m, [a.action]: (m[a.action] ?? 0) + 1 }), {});
    expect(counts).toEqual({
      "sla_policy.create": 3,
      "sla_policy.update": 2,
      "sla_policy.delete": 1,
      "business_hours.update": 2,
    });
  });
});
