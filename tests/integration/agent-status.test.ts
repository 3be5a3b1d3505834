// Agent status and round-robin assignment: every verb and tool through the real HTTP route with the
// official MCP SDK client, the refusals, fair rotation across creates (one after another and at once),
// transfers, and the tickets that stay unassigned when nobody in the team is online.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { connectMcp, callTool as call, callToolOk as ok } from "../support/mcp-client";
import { prisma } from "@/lib/db";
import { getMyStatus } from "@/lib/services/agent-status/get-my-status";
import { listAgentStatuses } from "@/lib/services/agent-status/list-agent-statuses";
import { setMyStatus } from "@/lib/services/agent-status/set-my-status";
import { updateRoundRobin } from "@/lib/services/agent-status/update-round-robin";
import { createApiKey } from "@/lib/services/credentials/create-api-key";
import { createPersonalToken } from "@/lib/services/credentials/create-personal-token";
import { assignTicket } from "@/lib/services/tickets/assign-ticket";
import { createTicket } from "@/lib/services/tickets/create-ticket";
import { transferTicket } from "@/lib/services/tickets/transfer-ticket";

let ws: TestWorkspace;
let owner: Client;
let agent: Client;
let orgKey: Client;
const clients: Client[] = [];

/** Puts members into a team (what an admin does when staffing a department). */
async function staff(t: TestWorkspace, teamId: string, userIds: string[]) {
  await prisma.teamMember.createMany({
    data: userIds.map((userId) => ({ workspaceId: t.workspace.id, teamId, userId })),
  });
}

async function assigneeOf(t: TestWorkspace, number: number) {
  const row = await prisma.ticket.findUniqueOrThrow({
    where: { workspaceId_number: { workspaceId: t.workspace.id, number } },
    select: {
      assigneeId: true,
      activities: { select: { action: true, changes: true }, orderBy: { createdAt: "asc" } },
    },
  });
  return { assigneeId: row.assigneeId, autoRows: row.activities.filter((a) => a.action === "auto_assign") };
}

let counter = 0;
function ticketInput(teamId: string, subject = "Card declined") {
  counter += 1;
  return { subject, body: "Please help", contact_email: `rr${counter}@example.com`, team: teamId };
}

beforeAll(async () => {
  ws = await createTestWorkspace("status");
  owner = await connectMcp((await createPersonalToken(ws.owner, { name: "Owner client" })).secret);
  agent = await connectMcp((await createPersonalToken(ws.agent, { name: "Agent client" })).secret);
  const key = await createApiKey(ws.admin, {
    name: "org",
    scopes: ["mcp:read", "mcp:write"] as never,
    org_level: true,
  });
  orgKey = await connectMcp(key.secret);
  clients.push(owner, agent, orgKey);
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

describe("agent status over MCP", () => {
  it("get_my_status starts offline; set_my_status changes it once and audits the change", async () => {
    expect(await ok(agent, "get_my_status", {})).toEqual({ status: "offline", changed_at: null });
    const set = await ok(agent, "set_my_status", { status: "online" });
    expect(set).toMatchObject({ status: "online", changed: true });
    expect(typeof set.changed_at).toBe("string");
    const again = await ok(agent, "set_my_status", { status: "online" });
    expect(again).toMatchObject({ status: "online", changed: false });
    expect(await ok(agent, "get_my_status", {})).toMatchObject({ status: "online" });
    const audits = await prisma.auditEvent.findMany({
      where: { workspaceId: ws.workspace.id, action: "agent_status.update", actorUserId: ws.users.agent },
      select: { details: true, via: true },
    });
    expect(audits).toEqual([{ details: { from: "offline", to: "online" }, via: "mcp" }]);
  });

  it("refuses an unknown status naming the field, and a key that acts as nobody", async () => {
    const bad = await call(agent, "set_my_status", { status: "busy" });
    expect(bad.isError).toBe(true);
    expect(bad.body.error).toBe("validation_error");
    expect(bad.body.fields).toHaveProperty("status");
    const missing = await call(agent, "set_my_status", {});
    expect(missing.body.fields).toHaveProperty("status");
    expect((await call(orgKey, "set_my_status", { status: "away" })).body.error).toBe("user_required");
    expect((await call(orgKey, "get_my_status", {})).body.error).toBe("user_required");
  });

  it("list_agent_statuses lists everyone by name, filtered by status or team", async () => {
    await setMyStatus(ws.admin, { status: "away" });
    const all = await ok(orgKey, "list_agent_statuses", {});
    expect(all.items).toHaveLength(4);
    const byId = new Map(all.items.map((i: { id: string; status: string }) => [i.id, i.status]));
    expect(byId.get(ws.users.agent)).toBe("online");
    expect(byId.get(ws.users.admin)).toBe("away");
    expect(byId.get(ws.users.owner)).toBe("offline");
    const online = await ok(orgKey, "list_agent_statuses", { status: "online" });
    expect(online.items.map((i: { id: string }) => i.id)).toEqual([ws.users.agent]);
    await staff(ws, ws.teams[1]!.id, [ws.users.admin]);
    const team = await ok(agent, "list_agent_statuses", { team: ws.teams[1]!.id });
    expect(team.items.map((i: { id: string; status: string }) => [i.id, i.status])).toEqual([[ws.users.admin, "away"]]);
    expect((await call(agent, "list_agent_statuses", { team: "no-such-team" })).body.error).toBe("not_found");
    expect((await call(agent, "list_agent_statuses", { status: "busy" })).body.fields).toHaveProperty("status");
  });

  it("the service verbs read and write the same status", async () => {
    await setMyStatus(ws.agent2, { status: "away" });
    expect(await getMyStatus(ws.agent2)).toMatchObject({ status: "away" });
    const rows = await listAgentStatuses(ws.owner, { status: "away" });
    expect(rows.map((r) => r.id).sort()).toEqual([ws.users.admin, ws.users.agent2].sort());
    await expect(getMyStatus({ ...ws.admin, userId: null })).rejects.toMatchObject({ code: "user_required" });
  });
});

describe("round-robin assignment", () => {
  it("only owners turn it on or off, through update_workspace_settings or the settings page", async () => {
    const t = await createTestWorkspace("rr-set");
    const ownerClient = await connectMcp((await createPersonalToken(t.owner)).secret);
    clients.push(ownerClient);
    expect(await ok(ownerClient, "get_workspace_settings", {})).toMatchObject({ round_robin: false });
    const on = await ok(ownerClient, "update_workspace_settings", { round_robin: true });
    expect(on).toMatchObject({ round_robin: true, changed: ["round_robin"] });
    const bad = await call(ownerClient, "update_workspace_settings", { round_robin: "yes" });
    expect(bad.body.fields).toHaveProperty("round_robin");
    await expect(updateRoundRobin(t.agent, { round_robin: false })).rejects.toMatchObject({ code: "owner_required" });
    await expect(updateRoundRobin(t.admin, { round_robin: false })).rejects.toMatchObject({ code: "owner_required" });
    expect(await updateRoundRobin(t.owner, { round_robin: false })).toEqual({ round_robin: false, changed: true });
    expect(await updateRoundRobin(t.owner, { round_robin: false })).toEqual({ round_robin: false, changed: false });
    const audits = await prisma.auditEvent.findMany({
      where: { workspaceId: t.workspace.id, action: "workspace.round_robin" },
      orderBy: { createdAt: "asc" },
      select: { details: true },
    });
    expect(audits.map((a) => a.details)).toEqual([
      { from: false, to: true },
      { from: true, to: false },
    ]);
  });

  it("three creates through create_ticket go to the three online members in turn, then round again", async () => {
    const t = await createTestWorkspace("rr-turns");
    const team = t.teams[0]!.id;
    await staff(t, team, [t.users.agent, t.users.agent2, t.users.admin]);
    for (const who of [t.agent, t.agent2, t.admin]) await setMyStatus(who, { status: "online" });
    await updateRoundRobin(t.owner, { round_robin: true });
    const client = await connectMcp((await createPersonalToken(t.owner)).secret);
    clients.push(client);
    const assignees: string[] = [];
    for (let i = 0; i < 4; i++) {
      const created = await ok(client, "create_ticket", ticketInput(team));
      expect(created.assignee).not.toBeNull();
      assignees.push(created.assignee.id);
      const row = await assigneeOf(t, created.ticket);
      expect(row.assigneeId).toBe(created.assignee.id);
      expect(row.autoRows).toHaveLength(1);
      expect(row.autoRows[0]!.changes).toMatchObject({ assignee: { to: created.assignee.name }, rule: "round_robin" });
    }
    expect(new Set(assignees.slice(0, 3)).size).toBe(3);
    expect(assignees[3]).toBe(assignees[0]);
  });

  it("concurrent creates still hand out one ticket each", async () => {
    const t = await createTestWorkspace("rr-race");
    const team = t.teams[1]!.id;
    await staff(t, team, [t.users.agent, t.users.agent2, t.users.admin]);
    for (const who of [t.agent, t.agent2, t.admin]) await setMyStatus(who, { status: "online" });
    await updateRoundRobin(t.owner, { round_robin: true });
    const created = await Promise.all([0, 1, 2].map(() => createTicket(t.owner, ticketInput(team))));
    expect(new Set(created.map((c) => c.assignee?.id)).size).toBe(3);
    expect(created.every((c) => c.assignee)).toBe(true);
  });

  it("skips members who are away or offline, and leaves the ticket unassigned when nobody is online", async () => {
    const t = await createTestWorkspace("rr-none");
    const team = t.teams[0]!.id;
    await staff(t, team, [t.users.agent, t.users.agent2]);
    await setMyStatus(t.agent, { status: "away" });
    await setMyStatus(t.agent2, { status: "online" });
    await updateRoundRobin(t.owner, { round_robin: true });
    const first = await createTicket(t.owner, ticketInput(team));
    const second = await createTicket(t.owner, ticketInput(team));
    expect([first.assignee?.id, second.assignee?.id]).toEqual([t.users.agent2, t.users.agent2]);
    await setMyStatus(t.agent2, { status: "offline" });
    const client = await connectMcp((await createPersonalToken(t.admin)).secret);
    clients.push(client);
    const nobody = await ok(client, "create_ticket", ticketInput(team));
    expect(nobody.assignee).toBeNull();
    expect(await assigneeOf(t, nobody.ticket)).toEqual({ assigneeId: null, autoRows: [] });
    // Without a team there is no one to rotate among.
    const teamless = await createTicket(t.owner, { subject: "No team", body: "Hi", contact_email: "nt@example.com" });
    expect(teamless.assignee).toBeNull();
  });

  it("a ticket transferred unassigned is auto-assigned in its new team; an assigned one keeps its agent", async () => {
    const t = await createTestWorkspace("rr-move");
    const [billing, technical] = [t.teams[0]!.id, t.teams[1]!.id];
    await staff(t, technical, [t.users.agent2]);
    await setMyStatus(t.agent2, { status: "online" });
    await updateRoundRobin(t.owner, { round_robin: true });
    const loose = await createTicket(t.owner, ticketInput(billing));
    expect(loose.assignee).toBeNull();
    const client = await connectMcp((await createPersonalToken(t.agent)).secret);
    clients.push(client);
    const moved = await ok(client, "transfer_ticket", { ticket: loose.ticket, team: technical });
    expect(moved).toMatchObject({ changed: true, auto_assigned: { id: t.users.agent2 } });
    const row = await assigneeOf(t, loose.ticket);
    expect(row.assigneeId).toBe(t.users.agent2);
    expect(row.autoRows).toHaveLength(1);

    const held = await createTicket(t.owner, ticketInput(billing));
    await assignTicket(t.owner, { ticket: held.ticket, assignee: t.users.agent });
    const kept = await transferTicket(t.owner, { ticket: held.ticket, team: technical });
    expect(kept.auto_assigned).toBeNull();
    expect((await assigneeOf(t, held.ticket)).assigneeId).toBe(t.users.agent);
  });

  it("with round-robin off, team tickets stay unassigned even with members online", async () => {
    const t = await createTestWorkspace("rr-off");
    const team = t.teams[0]!.id;
    await staff(t, team, [t.users.agent]);
    await setMyStatus(t.agent, { status: "online" });
    const created = await createTicket(t.owner, ticketInput(team));
    expect(created.assignee).toBeNull();
    expect((await assigneeOf(t, created.ticket)).assigneeId).toBeNull();
  });
});
