import { beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { addInternalNote } from "@/lib/services/tickets/add-internal-note";
import { addTicketTags } from "@/lib/services/tickets/add-ticket-tags";
import { assignTicket } from "@/lib/services/tickets/assign-ticket";
import { createTicket } from "@/lib/services/tickets/create-ticket";
import { getTicket } from "@/lib/services/tickets/get-ticket";
import { listTickets } from "@/lib/services/tickets/list-tickets";
import { removeTicketTags } from "@/lib/services/tickets/remove-ticket-tags";
import { reopenTicket } from "@/lib/services/tickets/reopen-ticket";
import { replyToTicket } from "@/lib/services/tickets/reply-to-ticket";
import { resolveTicket } from "@/lib/services/tickets/resolve-ticket";
import { transferTicket } from "@/lib/services/tickets/transfer-ticket";
import { updateTicket } from "@/lib/services/tickets/update-ticket";

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

let ws: TestWorkspace;
beforeAll(async () => {
  ws = await createTestWorkspace("tix");
});

describe("ticket actions", () => {
  it("reply, note, assign, transfer, tags, resolve, reopen and priority each leave one activity row naming the actor", async () => {
    const n = ws.tickets[0]!.ticket;
    await replyToTicket(ws.agent, { ticket: n, body: "We have refunded the duplicate charge." });
    await addInternalNote(ws.agent, { ticket: n, body: "Checked the payment logs." });
    await assignTicket(ws.agent, { ticket: n, assignee: "me" });
    await transferTicket(ws.agent, { ticket: n, team: ws.teams[1]!.id });
    await addTicketTags(ws.agent, { ticket: n, tags: ["Refund", "vip"] });
    await removeTicketTags(ws.agent, { ticket: n, tags: ["vip"] });
    await updateTicket(ws.agent, { ticket: n, priority: "urgent" });
    await resolveTicket(ws.agent, { ticket: n });
    await reopenTicket(ws.agent, { ticket: n });

    const ticket = await getTicket(ws.agent, { number: n });
    expect(ticket.status).toBe("open");
    expect(ticket.priority).toBe("urgent");
    expect(ticket.assignee?.id).toBe(ws.users.agent);
    expect(ticket.team?.id).toBe(ws.teams[1]!.id);
    expect(ticket.tags.map((t) => t.name)).toEqual(["refund"]);
    expect(ticket.firstResponseAt).not.toBeNull();
    expect(ticket.messages.map((m) => m.kind)).toEqual(["reply", "reply", "note"]);
    const mine = ticket.activities.filter((a) => a.actor?.id === ws.users.agent);
    expect(mine.map((a) => a.action).sort()).toEqual(
      ["assign", "note", "reopen", "reply", "resolve", "tags_added", "tags_removed", "transfer", "update"].sort(),
    );
    expect(mine.every((a) => a.via === "web")).toBe(true);
  });

  it("a no-op change writes no history", async () => {
    const n = ws.tickets[2]!.ticket;
    const before = await prisma.ticketActivity.count({ where: { workspaceId: ws.workspace.id } });
    await resolveTicket(ws.agent, { ticket: n });
    await resolveTicket(ws.agent, { ticket: n });
    await removeTicketTags(ws.agent, { ticket: n, tags: ["not-there"] });
    const after = await prisma.ticketActivity.count({ where: { workspaceId: ws.workspace.id } });
    expect(after - before).toBe(1);
  });

  it("refuses a stale edit with a conflict", async () => {
    const n = ws.tickets[1]!.ticket;
    const read = await getTicket(ws.agent, { number: n });
    await updateTicket(ws.admin, { ticket: n, subject: "Export times out (CSV)" });
    const error = await errorOf(
      updateTicket(ws.agent, { ticket: n, priority: "high", expected_updated_at: read.updatedAt.toISOString() }),
    );
    expect(error.code).toBe("conflict");
  });

  it("concurrent tag adds and assignments lose nothing and duplicate nothing", async () => {
    const { ticket: n } = await createTicket(ws.owner, {
      subject: "Race",
      body: "race",
      contact_email: "race@example.com",
    });
    await Promise.all([
      ...Array.from({ length: 6 }, () => addTicketTags(ws.agent, { ticket: n, tags: ["race"] })),
      ...Array.from({ length: 4 }, (_, i) => assignTicket(i % 2 ? ws.agent : ws.agent2, { ticket: n, assignee: "me" })),
    ]);
    const ticket = await getTicket(ws.agent, { number: n });
    expect(ticket.tags.map((t) => t.name)).toEqual(["race"]);
    expect(ticket.activities.filter((a) => a.action === "tags_added")).toHaveLength(1);
    expect([ws.users.agent, ws.users.agent2]).toContain(ticket.assignee?.id);
  });

  it("adding tags answers what it added and every tag the ticket carries, creating only names the workspace lacks", async () => {
    const { ticket: first } = await createTicket(ws.owner, {
      subject: "Tags",
      body: "t",
      contact_email: "tags@example.com",
    });
    const { ticket: second } = await createTicket(ws.owner, {
      subject: "Tags too",
      body: "t",
      contact_email: "tags@example.com",
      tags: ["alpha-tag"],
    });
    expect(await addTicketTags(ws.agent, { ticket: first, tags: ["beta-tag", "alpha-tag"] })).toEqual({
      ticket: first,
      added: ["alpha-tag", "beta-tag"],
      tags: ["alpha-tag", "beta-tag"],
    });
    expect(await addTicketTags(ws.agent, { ticket: first, tags: ["gamma-tag", "beta-tag"] })).toEqual({
      ticket: first,
      added: ["gamma-tag"],
      tags: ["alpha-tag", "beta-tag", "gamma-tag"],
    });
    expect(await addTicketTags(ws.agent, { ticket: second, tags: ["alpha-tag"] })).toEqual({
      ticket: second,
      added: [],
      tags: ["alpha-tag"],
    });
    const rows = await prisma.tag.findMany({
      where: { workspaceId: ws.workspace.id, name: { in: ["alpha-tag", "beta-tag", "gamma-tag"] } },
      select: { name: true, _count: { select: { tickets: true } } },
      orderBy: { name: "asc" },
    });
    expect(rows.map((r) => [r.name, r._count.tickets])).toEqual([
      ["alpha-tag", 2],
      ["beta-tag", 1],
      ["gamma-tag", 1],
    ]);
  });

  it("hands out unique ticket numbers under concurrency", async () => {
    const created = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        createTicket(ws.owner, { subject: `Burst ${i}`, body: "b", contact_email: `burst${i}@example.com` }),
      ),
    );
    expect(new Set(created.map((c) => c.ticket)).size).toBe(8);
  });

  it("names the field and the reason for bad input", async () => {
    const error = await errorOf(replyToTicket(ws.agent, { ticket: "abc", body: "" }));
    expect(error.code).toBe("validation_error");
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["body", "ticket"]);
    expect(error.fields?.body?.[0]).toMatch(/empty/);
  });
});

describe("ticket list", () => {
  it("filters by status, priority, assignee, team and tag, and searches subjects and message bodies", async () => {
    const [a, b, c] = ws.tickets.map((t) => t.ticket) as [number, number, number];
    const numbers = async (input: Parameters<typeof listTickets>[1], ctx = ws.agent) =>
      (await listTickets(ctx, { limit: 100, ...input })).items.map((t) => t.number);

    await assignTicket(ws.admin, { ticket: b, assignee: ws.users.agent2 });
    expect(await numbers({ q: "gateway error" })).toEqual([b]);
    expect(await numbers({ q: "REFUND for" })).toEqual([a]);
    expect(await numbers({ q: `#${c}` })).toContain(c);
    expect(await numbers({ assignee: "me" })).toContain(a);
    expect(await numbers({ assignee: "me" })).not.toContain(b);
    expect(await numbers({ assignee: ws.users.agent2 })).toContain(b);
    expect(await numbers({ assignee: "unassigned" })).not.toContain(a);
    expect(await numbers({ status: "resolved" })).toContain(c);
    expect(await numbers({ priority: "urgent" })).toContain(a);
    expect(await numbers({ team: ws.teams[1]!.id })).toEqual(expect.arrayContaining([a, b]));
    expect(await numbers({ tag: "refund" })).toEqual([a]);
  });

  it("pages with a cursor without repeating or skipping tickets", async () => {
    const all = (await listTickets(ws.agent, { limit: 100 })).items.map((t) => t.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listTickets(ws.agent, { limit: 3, cursor });
      seen.push(...page.items.map((t) => t.id));
      cursor = page.next_cursor ?? undefined;
      expect(page.has_more).toBe(Boolean(page.next_cursor));
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it("rejects an out-of-range limit with the field named", async () => {
    const error = await errorOf(listTickets(ws.agent, { limit: 1000 }));
    expect(error.fields?.limit?.[0]).toMatch(/at most 100/);
  });
});

describe("workspace isolation", () => {
  it("no ticket service reads or writes another workspace's rows", async () => {
    const other = await createTestWorkspace("iso");
    // `other` has 3 tickets; ws has more, so ws's latest number does not exist there.
    const { ticket: onlyInWs } = await createTicket(ws.owner, {
      subject: "Private",
      body: "secret body text",
      contact_email: "p@example.com",
    });
    const intruder = other.admin;
    const refusals = await Promise.all([
      errorOf(getTicket(intruder, { number: onlyInWs })),
      errorOf(replyToTicket(intruder, { ticket: onlyInWs, body: "x" })),
      errorOf(addInternalNote(intruder, { ticket: onlyInWs, body: "x" })),
      errorOf(assignTicket(intruder, { ticket: onlyInWs, assignee: "me" })),
      errorOf(transferTicket(intruder, { ticket: onlyInWs, team: other.teams[0]!.id })),
      errorOf(addTicketTags(intruder, { ticket: onlyInWs, tags: ["x"] })),
      errorOf(removeTicketTags(intruder, { ticket: onlyInWs, tags: ["x"] })),
      errorOf(resolveTicket(intruder, { ticket: onlyInWs })),
      errorOf(reopenTicket(intruder, { ticket: onlyInWs })),
      errorOf(updateTicket(intruder, { ticket: onlyInWs, priority: "low" })),
      // Another workspace's agent and team cannot be used either.
      errorOf(assignTicket(intruder, { ticket: other.tickets[0]!.ticket, assignee: ws.users.agent })),
      errorOf(transferTicket(intruder, { ticket: other.tickets[0]!.ticket, team: ws.teams[0]!.id })),
      errorOf(
        createTicket(intruder, { subject: "x", body: "x", contact_email: "x@example.com", team: ws.teams[0]!.id }),
      ),
    ]);
    expect(refusals.map((e) => e.code)).toEqual(Array(refusals.length).fill("not_found"));

    const seen = await listTickets(intruder, { limit: 100, q: "secret body text" });
    expect(seen.items).toEqual([]);
    const viaForeignFilters = await listTickets(intruder, { limit: 100, team: ws.teams[0]!.id });
    expect(viaForeignFilters.items).toEqual([]);
    const untouched = await getTicket(ws.owner, { number: onlyInWs });
    expect(untouched.activities).toHaveLength(1);
  });
});

describe("a malformed cursor in a page's address", () => {
  it("the ticket list and the audit log say the cursor is not one they gave out, with no error page", async () => {
    const { signIn } = await import("../support/oauth-http");
    const { baseUrl } = await import("../support/mcp-client");
    const owner = await signIn(ws.emails.owner);
    const forged = Buffer.from(JSON.stringify({ u: "not-a-date", c: "not-a-date", i: "x" })).toString("base64url");
    for (const path of ["/tickets", "/settings/audit"]) {
      const res = await owner.fetch(`${baseUrl()}${path}?cursor=${forged}`);
      expect(res.status, path).toBe(200);
      const html = await res.text();
      expect(html, path).toContain("cursor is not one this list gave out");
      expect(html, path).not.toMatch(/Something went wrong|Invalid time value|stack/i);
    }
  });

  it("listTickets refuses it as a validation error on cursor", async () => {
    const forged = Buffer.from(JSON.stringify({ u: "not-a-date", i: "x" })).toString("base64url");
    const error = await errorOf(listTickets(ws.agent, { cursor: forged }));
    expect(error.code).toBe("validation_error");
    expect(error.fields).toEqual({ cursor: ["is not a cursor this list gave out"] });
  });
});
