// The counts that stay cheap at volume: tag counts, the backlog and the ticket list's count read
// the TicketCount and TagCount rows that triggers append; they must always equal a real count.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { prisma } from "@/lib/db";
import { getBacklog } from "@/lib/services/analytics/get-backlog";
import { getSupportMetrics, refreshSupportMetrics } from "@/lib/services/analytics/get-support-metrics";
import { dueSnapshots } from "@/lib/services/analytics/snapshots";
import { compactCounts } from "@/lib/services/system/compact-counts";
import { listTags } from "@/lib/services/tags/list-tags";
import { addTicketTags } from "@/lib/services/tickets/add-ticket-tags";
import { assignTicket } from "@/lib/services/tickets/assign-ticket";
import { changeTicketStatus } from "@/lib/services/tickets/change-ticket-status";
import { countTickets, describeCount } from "@/lib/services/tickets/count-tickets";
import { createTicket } from "@/lib/services/tickets/create-ticket";
import { removeTicketTags } from "@/lib/services/tickets/remove-ticket-tags";
import { transferTicket } from "@/lib/services/tickets/transfer-ticket";
import { updateTicket } from "@/lib/services/tickets/update-ticket";
import type { TicketListInput } from "@/lib/validations/tickets";

let ws: TestWorkspace;

/** What the counts must say, counted from the tickets themselves. */
async function truth() {
  const where = { workspaceId: ws.workspace.id };
  const [tags, open, pending, unassigned, urgentOpen] = await Promise.all([
    prisma.tag.findMany({ where, select: { name: true, _count: { select: { tickets: true } } } }),
    prisma.ticket.count({ where: { ...where, status: "open" } }),
    prisma.ticket.count({ where: { ...where, status: "pending" } }),
    prisma.ticket.count({ where: { ...where, status: { in: ["open", "pending"] }, assigneeId: null } }),
    prisma.ticket.count({ where: { ...where, status: "open", priority: "urgent" } }),
  ]);
  return {
    tags: Object.fromEntries(tags.map((t) => [t.name, t._count.tickets])),
    backlog: { open, pending },
    unassigned,
    urgentOpen,
  };
}

async function counted() {
  const [tags, backlog, urgentOpen] = await Promise.all([
    listTags(ws.agent),
    getBacklog(ws.agent, { by: "priority" }),
    countTickets(ws.agent, { status: "open", priority: "urgent" }),
  ]);
  expect(urgentOpen.exact).toBe(true);
  return {
    tags: Object.fromEntries(tags.map((t) => [t.name, t.ticket_count])),
    backlog: backlog.total,
    unassigned: backlog.unassigned,
    urgentOpen: urgentOpen.count,
  };
}

beforeAll(async () => {
  ws = await createTestWorkspace("counts");
});

describe("counts kept by triggers", () => {
  it("follow creating, assigning, moving, re-prioritising, resolving and tagging tickets, before and after folding", async () => {
    const made: number[] = [];
    for (const [i, priority] of (["urgent", "urgent", "low", "normal"] as const).entries()) {
      const { ticket } = await createTicket(ws.agent, {
        subject: `Counted ${i}`,
        body: "Please count me.",
        contact_email: `counted${i}@example.com`,
        priority,
        tags: i % 2 ? ["billing"] : ["billing", "vip"],
      });
      made.push(ticket);
    }
    expect(await counted()).toEqual(await truth());

    await assignTicket(ws.agent, { ticket: made[0]!, assignee: "me" });
    await transferTicket(ws.agent, { ticket: made[1]!, team: ws.teams[1]!.id });
    await updateTicket(ws.agent, { ticket: made[2]!, priority: "urgent" });
    await changeTicketStatus(ws.agent, { ticket: made[3]!, to: "pending", action: "test" });
    await changeTicketStatus(ws.agent, { ticket: made[1]!, to: "resolved", action: "test" });
    await removeTicketTags(ws.agent, { ticket: made[0]!, tags: ["vip"] });
    await addTicketTags(ws.agent, { ticket: made[3]!, tags: ["vip", "refund"] });
    const before = await truth();
    expect(before.tags).toMatchObject({ billing: 4, vip: 2, refund: 1 });
    expect(await counted()).toEqual(before);

    const rows = () => prisma.ticketCount.count({ where: { workspaceId: ws.workspace.id } });
    const appended = await rows();
    await compactCounts();
    await compactCounts();
    expect(await rows()).toBeLessThan(appended);
    expect(await counted()).toEqual(before);
  });

  it("drop a deleted ticket and its tags", async () => {
    const { ticket } = await createTicket(ws.agent, {
      subject: "Short-lived",
      body: "Gone soon.",
      contact_email: "gone@example.com",
      tags: ["ephemeral"],
    });
    await prisma.ticket.delete({ where: { workspaceId_number: { workspaceId: ws.workspace.id, number: ticket } } });
    const tags = Object.fromEntries((await listTags(ws.agent)).map((t) => [t.name, t.ticket_count]));
    expect(tags.ephemeral).toBe(0);
    expect(await counted()).toEqual(await truth());
  });
});

describe("the ticket list's count", () => {
  const count = (input: TicketListInput) => countTickets(ws.agent, input);

  it("counts exactly what the list shows, with text, tags, contacts and ranges", async () => {
    const where = { workspaceId: ws.workspace.id };
    expect(await count({})).toEqual({ count: await prisma.ticket.count({ where }), exact: true });
    expect(await count({ q: "count" })).toEqual({ count: 4, exact: true });
    expect(await count({ q: "count", status: "open" })).toEqual({ count: 2, exact: true });
    expect(await count({ tag: "billing", assignee: "me" })).toEqual({ count: 1, exact: true });
    expect(await count({ q: "zzqxnotfound" })).toEqual({ count: 0, exact: true });
    // When the query as typed finds nothing, the list's fallback is what is counted: "coun" as a prefix.
    expect(await count({ q: "coun" })).toEqual({ count: 4, exact: true });
    expect(await count({ created_after: new Date(Date.now() + 86_400_000).toISOString() })).toEqual({
      count: 0,
      exact: true,
    });
  });

  it("past 10,000 matches shows the planner's estimate as about N", async () => {
    const big = await createTestWorkspace("estimate");
    // Set-based, like the bulk seed: 10,050 tickets with one subject word in common.
    await prisma.$executeRaw`
      INSERT INTO "Ticket" (id, "workspaceId", number, subject, "updatedAt")
      SELECT 'est' || ${big.workspace.id} || i, ${big.workspace.id}, 1000 + i, 'Estimated ' || i, now()
        FROM generate_series(1, 10050) i`;
    await prisma.$executeRaw`ANALYZE "Ticket"`;
    const text = await countTickets(big.agent, { q: "estimated" });
    expect(text.exact).toBe(false);
    expect(text.count).toBeGreaterThan(10_000);
    expect(describeCount(text)).toMatch(/^about [\d,]+ tickets$/);
    // Status and priority alone are read from the kept counts, exactly, however many.
    expect(await countTickets(big.agent, { status: "open" })).toEqual({ count: 10_053, exact: true });
  });

  it("reads as people write it", () => {
    expect(describeCount({ count: 1, exact: true })).toBe("1 ticket");
    expect(describeCount({ count: 2310, exact: true })).toBe("2,310 tickets");
    expect(describeCount({ count: 143_817, exact: false })).toBe("about 140,000 tickets");
    expect(describeCount({ count: 10_001, exact: false })).toBe("about 10,000 tickets");
  });
});

describe("support metrics snapshots", () => {
  it("serve one computed answer with its as_of, and the refresh recomputes it", async () => {
    const mine = await createTestWorkspace("snap");
    const first = await getSupportMetrics(mine.agent, { period_days: 7 });
    expect(first.groups[0]).toMatchObject({ volume: 3 });
    expect(Date.parse(first.as_of)).toBeGreaterThan(Date.now() - 60_000);
    await createTicket(mine.agent, { subject: "One more", body: "Hello", contact_email: "more@example.com" });
    // Served from the snapshot: the same answer, computed at the same moment.
    expect(await getSupportMetrics(mine.agent, { period_days: "7" })).toEqual(first);

    // Once the answer is older than the refresh interval, the job's pass recomputes it.
    await prisma.analyticsSnapshot.updateMany({
      where: { workspaceId: mine.workspace.id },
      data: { computedAt: new Date(Date.now() - 10 * 60_000) },
    });
    const due = (await dueSnapshots()).filter((s) => s.workspaceId === mine.workspace.id);
    expect(due).toEqual([{ workspaceId: mine.workspace.id, key: "support-metrics-v3|period_days=7&group_by=none" }]);
    expect(await refreshSupportMetrics(mine.workspace.id, due[0]!.key)).toBe(true);
    const after = await getSupportMetrics(mine.agent, { period_days: 7 });
    expect(after.groups[0]).toMatchObject({ volume: 4 });
    expect(Date.parse(after.as_of)).toBeGreaterThan(Date.parse(first.as_of));
    // A key it did not write is refused, not guessed at.
    expect(await refreshSupportMetrics(mine.workspace.id, "support-metrics-v3|period_days=9999&group_by=none")).toBe(
      false,
    );
    expect(await refreshSupportMetrics(mine.workspace.id, "support-metrics-v2:7:none")).toBe(false);
  });
});
