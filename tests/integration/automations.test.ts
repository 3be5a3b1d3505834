// Automation rules through the real HTTP route with the official MCP SDK client: admins manage rules,
// the app's event consumer runs them (a matching mail is tagged within seconds, a non-matching one is
// left alone), the run log says what each action did, and loop protection stops rules that would
// re-trigger themselves or each other.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { connectMcp, callTool as call, callToolOk as ok } from "../support/mcp-client";
import { prisma } from "@/lib/db";
import { createPersonalToken } from "@/lib/services/credentials/create-personal-token";
import { until } from "../support/until";

let ws: TestWorkspace;
let admin: Client;
let agent: Client;
const clients: Client[] = [];

type Run = {
  automation: { id: string; name: string };
  ticket: number | null;
  outcome: string;
  matched: boolean;
  results: { action: string; result: string; summary: string }[];
  depth: number;
};

async function runsOf(ruleId: string, ticket: number): Promise<Run[]> {
  const { items } = await ok(admin, "list_automation_runs", { automation: ruleId, limit: 100 });
  return (items as Run[]).filter((r) => r.ticket === ticket).reverse();
}

async function tagsOf(ticket: number): Promise<string[]> {
  return (await ok(agent, "get_ticket", { ticket })).tags as string[];
}

let n = 0;
async function newTicket(subject: string, body = "Hello") {
  n += 1;
  const created = await ok(agent, "create_ticket", { subject, body, contact_email: `auto${n}.${ws.slug}@example.com` });
  return created.ticket as number;
}

beforeAll(async () => {
  ws = await createTestWorkspace("auto");
  admin = await connectMcp((await createPersonalToken(ws.admin, { name: "Admin client" })).secret);
  agent = await connectMcp((await createPersonalToken(ws.agent, { name: "Agent client" })).secret);
  clients.push(admin, agent);
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

describe("managing rules", () => {
  it("an admin creates, reads, reorders, turns off and deletes rules; each write is audited", async () => {
    const first = await ok(admin, "create_automation", {
      name: "Urgent to billing",
      trigger: "ticket.created",
      conditions: [{ field: "priority", value: "urgent" }],
      actions: [
        { type: "assign_team", team: ws.teams[0]!.id },
        { type: "notify", to: "assignee" },
      ],
    });
    expect(first).toMatchObject({
      name: "Urgent to billing",
      enabled: true,
      position: 1,
      created_by: { id: ws.users.admin },
    });
    const second = await ok(admin, "create_automation", {
      name: "Chat is high",
      trigger: "ticket.created",
      conditions: [{ field: "channel", value: "chat" }],
      actions: [{ type: "set_priority", priority: "high" }],
      enabled: false,
    });
    expect(second).toMatchObject({ position: 2, enabled: false });

    const moved = await ok(admin, "update_automation", { automation: second.id, position: 1, enabled: true });
    expect(moved).toMatchObject({ position: 1, enabled: true });
    const { items } = await ok(agent, "list_automations", {});
    expect(items.map((r: { name: string }) => r.name)).toEqual(["Chat is high", "Urgent to billing"]);
    expect(await ok(agent, "get_automation", { automation: first.id })).toMatchObject({ position: 2, recent_runs: [] });

    expect(await ok(admin, "delete_automation", { automation: second.id })).toEqual({
      id: second.id,
      name: "Chat is high",
      deleted: true,
    });
    expect(await ok(admin, "delete_automation", { automation: first.id })).toMatchObject({ deleted: true });
    expect((await ok(agent, "list_automations", {})).items).toEqual([]);

    const audits = await prisma.auditEvent.findMany({
      where: { workspaceId: ws.workspace.id, action: { startsWith: "automation." } },
      select: { action: true, actorUserId: true },
    });
    expect(audits.map((a) => a.action).sort()).toEqual([
      "automation.create",
      "automation.create",
      "automation.delete",
      "automation.delete",
      "automation.update",
    ]);
    expect(new Set(audits.map((a) => a.actorUserId))).toEqual(new Set([ws.users.admin]));
  });

  it("refuses agents, unknown teams and macros, and rules without actions, naming the field", async () => {
    const denied = await call(agent, "create_automation", {
      name: "Mine",
      trigger: "ticket.created",
      actions: [{ type: "add_tag", tag: "x" }],
    });
    expect(denied.isError).toBe(true);
    expect(denied.body.error).toBe("admin_required");

    const unknown = await call(admin, "create_automation", {
      name: "Bad refs",
      trigger: "ticket.created",
      conditions: [{ field: "team", value: "no-such-team" }],
      actions: [{ type: "apply_macro", macro: "no-such-macro" }],
    });
    expect(unknown.isError).toBe(true);
    expect(Object.keys(unknown.body.fields ?? {})).toEqual(["conditions.0.value", "actions.0.macro"]);

    const empty = await call(admin, "create_automation", { name: "Nothing", trigger: "ticket.created", actions: [] });
    expect(empty.isError).toBe(true);
    expect(JSON.stringify(empty.body)).toContain("at least one action");
  });
});

describe("running rules", () => {
  let refundRule: string;

  beforeAll(async () => {
    const rule = await ok(admin, "create_automation", {
      name: "Tag refund requests",
      trigger: "message.received",
      conditions: [{ field: "text_contains", value: "money back" }],
      actions: [{ type: "add_tag", tag: "refund" }],
    });
    refundRule = rule.id;
  });

  it("tags a new ticket whose message matches, and logs what the action did", async () => {
    const ticket = await newTicket("Order 1042", "I want my money back for this order.");
    await until("the rule to tag the ticket", async () => (await tagsOf(ticket)).includes("refund"));
    const runs = await runsOf(refundRule, ticket);
    expect(runs).toEqual([
      expect.objectContaining({
        outcome: "ran",
        matched: true,
        depth: 1,
        results: [{ action: "add_tag", result: "done", summary: "added tag refund" }],
      }),
    ]);
    const activity = await prisma.ticketActivity.findFirstOrThrow({
      where: { workspaceId: ws.workspace.id, ticket: { number: ticket }, action: "tags_added" },
      select: { via: true, actorUserId: true },
    });
    expect(activity).toEqual({ via: "system", actorUserId: null });
    const detail = await ok(agent, "get_automation", { automation: refundRule });
    expect(detail.recent_runs.some((r: Run) => r.ticket === ticket && r.outcome === "ran")).toBe(true);
  });

  it("leaves a ticket alone when the conditions do not hold, and logs the non-match", async () => {
    const ticket = await newTicket("Password reset", "I cannot sign in.");
    const runs = await until("the rule to judge the ticket", async () => {
      const r = await runsOf(refundRule, ticket);
      return r.length ? r : null;
    });
    expect(runs).toEqual([expect.objectContaining({ outcome: "no_match", matched: false, results: [] })]);
    expect(await tagsOf(ticket)).not.toContain("refund");
  });

  it("runs every kind of action in order through the ticket services and says what each did", async () => {
    // Billing has one online member for round-robin to find.
    await prisma.teamMember.create({
      data: { workspaceId: ws.workspace.id, teamId: ws.teams[0]!.id, userId: ws.users.agent2 },
    });
    await prisma.membership.update({
      where: { workspaceId_userId: { workspaceId: ws.workspace.id, userId: ws.users.agent2 } },
      data: { status: "online" },
    });
    const macro = await ok(admin, "create_macro", {
      name: "Escalation kit",
      shared: true,
      actions: { add_tags: ["escalated"], priority: "urgent" },
    });
    const gone = await ok(admin, "create_macro", { name: "Retired kit", shared: true, actions: { priority: "low" } });
    const rule = await ok(admin, "create_automation", {
      name: "Everything at once",
      trigger: "ticket.created",
      conditions: [
        { field: "subject_contains", value: "kitchen sink" },
        { field: "channel", value: "api" },
      ],
      actions: [
        { type: "assign_team", team: ws.teams[0]!.id },
        { type: "round_robin" },
        { type: "set_status", status: "pending" },
        { type: "apply_macro", macro: macro.id },
        { type: "notify", to: "assignee", message: "Escalated by the rule" },
        { type: "apply_macro", macro: gone.id },
      ],
    });
    // A macro deleted after the rule was saved: that action fails, the others still run.
    await ok(admin, "delete_macro", { macro: gone.id });
    const ticket = await newTicket("The kitchen sink");
    const [run] = await until("the rule to run", async () => {
      const r = await runsOf(rule.id, ticket);
      return r.length ? r : null;
    });
    expect(run!.outcome).toBe("ran");
    expect(run!.results.map((r) => [r.action, r.result])).toEqual([
      ["assign_team", "done"],
      ["round_robin", "done"],
      ["set_status", "done"],
      ["apply_macro", "done"],
      ["notify", "done"],
      ["apply_macro", "failed"],
    ]);
    const after = await ok(agent, "get_ticket", { ticket });
    expect(after).toMatchObject({
      team: { id: ws.teams[0]!.id },
      assignee: { id: ws.users.agent2 },
      status: "pending",
      priority: "urgent",
    });
    expect(after.tags).toContain("escalated");
    const note = await prisma.notification.findFirstOrThrow({
      where: { userId: ws.users.agent2, type: "automation", ticket: { number: ticket, workspaceId: ws.workspace.id } },
      select: { title: true, body: true },
    });
    expect(note).toEqual({ title: `Everything at once: #${ticket} The kitchen sink`, body: "Escalated by the rule" });
  });

  it("a rule never runs again on the change it made itself", async () => {
    const rule = await ok(admin, "create_automation", {
      name: "Mark as seen",
      trigger: "ticket.updated",
      conditions: [{ field: "subject_contains", value: "self-loop" }],
      actions: [{ type: "add_tag", tag: "seen" }],
    });
    const ticket = await newTicket("A self-loop check");
    await ok(agent, "add_ticket_tags", { ticket, tags: ["start"] });
    const runs = await until("the rule to meet its own change", async () => {
      const r = await runsOf(rule.id, ticket);
      return r.some((x) => x.outcome === "loop") ? r : null;
    });
    expect(runs.map((r) => r.outcome)).toEqual(["ran", "loop"]);
    expect(runs[1]!.results).toEqual([]);
    expect(await tagsOf(ticket)).toEqual(["seen", "start"]);
  });

  it("two rules that would undo each other stop when the chain comes back to the first", async () => {
    const raise = await ok(admin, "create_automation", {
      name: "Raise ping-pong",
      trigger: "ticket.updated",
      conditions: [
        { field: "subject_contains", value: "ping-pong" },
        { field: "priority", value: "normal" },
      ],
      actions: [{ type: "set_priority", priority: "high" }],
    });
    const lower = await ok(admin, "create_automation", {
      name: "Lower ping-pong",
      trigger: "ticket.updated",
      conditions: [
        { field: "subject_contains", value: "ping-pong" },
        { field: "priority", value: "high" },
      ],
      actions: [{ type: "set_priority", priority: "normal" }],
    });
    const ticket = await newTicket("A ping-pong check");
    await ok(agent, "update_ticket", { ticket, priority: "high" });
    await until("the second rule to be stopped", async () =>
      (await runsOf(lower.id, ticket)).some((r) => r.outcome === "loop"),
    );
    const lowerRuns = await runsOf(lower.id, ticket);
    const raiseRuns = await runsOf(raise.id, ticket);
    // Lower ran on the agent's change; Raise on Lower's; Lower then met a chain that holds itself.
    expect(lowerRuns.filter((r) => r.matched).map((r) => [r.outcome, r.depth])).toEqual([
      ["ran", 1],
      ["loop", 3],
    ]);
    expect(raiseRuns.filter((r) => r.matched).map((r) => [r.outcome, r.depth])).toEqual([["ran", 2]]);
    expect((await ok(agent, "get_ticket", { ticket })).priority).toBe("high");
  });

  it("a chain of different rules stops at the depth cap and the log says so", async () => {
    const ids: string[] = [];
    for (let i = 1; i <= 4; i++) {
      const rule = await ok(admin, "create_automation", {
        name: `Relay ${i}`,
        trigger: "ticket.updated",
        conditions: [
          { field: "subject_contains", value: "relay race" },
          { field: "has_tag", value: `leg${i - 1}` },
        ],
        actions: [{ type: "add_tag", tag: `leg${i}` }],
      });
      ids.push(rule.id);
    }
    const ticket = await newTicket("A relay race");
    await ok(agent, "add_ticket_tags", { ticket, tags: ["leg0"] });
    const last = await until("the fourth rule to meet the cap", async () => {
      const r = (await runsOf(ids[3]!, ticket)).filter((x) => x.matched);
      return r.length ? r : null;
    });
    expect(last).toEqual([expect.objectContaining({ outcome: "depth_cap", depth: 4, results: [] })]);
    expect(await tagsOf(ticket)).toEqual(["leg0", "leg1", "leg2", "leg3"]);
    for (const id of ids.slice(0, 3)) {
      expect((await runsOf(id, ticket)).filter((r) => r.outcome === "ran")).toHaveLength(1);
    }
  });
});
