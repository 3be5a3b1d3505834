import { beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { searchContacts } from "@/lib/services/contacts/search-contacts";
import { upsertContact } from "@/lib/services/contacts/upsert-contact";
import { addInternalNote } from "@/lib/services/tickets/add-internal-note";
import { createTicket } from "@/lib/services/tickets/create-ticket";
import { listTickets } from "@/lib/services/tickets/list-tickets";
import { replyToTicket } from "@/lib/services/tickets/reply-to-ticket";
import { updateTicket } from "@/lib/services/tickets/update-ticket";
import type { TicketListInput } from "@/lib/validations/tickets";

let ws: TestWorkspace;
const n: Record<string, number> = {};

async function ticket(key: string, input: Parameters<typeof createTicket>[1]) {
  n[key] = (await createTicket(ws.agent, input)).ticket;
}

async function numbers(input: TicketListInput, ctx = ws.agent) {
  return (await listTickets(ctx, { limit: 100, ...input })).items.map((t) => t.number);
}

async function allPages(input: TicketListInput) {
  const seen: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await listTickets(ws.agent, { ...input, limit: 2, cursor });
    seen.push(...page.items.map((t) => t.number));
    expect(page.has_more).toBe(Boolean(page.next_cursor));
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return seen;
}

beforeAll(async () => {
  ws = await createTestWorkspace("srch");
  await ticket("login", {
    subject: "Login fails on mobile",
    body: "The app crashes when I sign in from my phone.",
    contact_email: "anna.lee@example.com",
    contact_name: "Anna Lee",
    priority: "high",
  });
  await addInternalNote(ws.agent, { ticket: n.login!, body: "Kraken token leaked in the login logs." });
  await ticket("invoice", {
    subject: "Invoice question",
    body: "Where is my invoice for March? Login works fine.",
    contact_email: "bob@example.org",
    contact_name: "Bob Stone",
    priority: "low",
  });
  await ticket("password", {
    subject: "Password reset",
    body: "The reset link expired.",
    contact_email: "carla@example.net",
    contact_name: "Carla Mendez",
    priority: "urgent",
  });
  await ticket("feature", { subject: "Feature request", body: "Dark mode please.", contact_email: "dan@example.com" });
  await addInternalNote(ws.agent, { ticket: n.feature!, body: "Escalate to the zebrafish team." });
  // Relevance: the subject match is the oldest of the widget tickets; the others name it in a reply only.
  await ticket("w1", { subject: "Widget broken", body: "It stopped.", contact_email: "w@example.com" });
  for (const [i, priority] of (["low", "urgent", "normal", "high", "urgent"] as const).entries()) {
    await ticket(`w${i + 2}`, {
      subject: `Order ${i}`,
      body: "Something else.",
      contact_email: "w@example.com",
      priority,
    });
    await replyToTicket(ws.agent, { ticket: n[`w${i + 2}`]!, body: "Please restart the widget." });
  }
});

describe("ticket search syntax", () => {
  it("matches words with their word forms, quoted phrases, OR and -exclusion", async () => {
    expect(await numbers({ q: "crash" })).toEqual([n.login]);
    expect(await numbers({ q: '"login fails"' })).toEqual([n.login]);
    expect(await numbers({ q: '"fails login"' })).toEqual([]);
    expect((await numbers({ q: "invoice OR password" })).sort()).toEqual([n.invoice, n.password].sort());
    expect(await numbers({ q: "login -invoice" })).toEqual([n.login]);
    expect((await numbers({ q: "login" })).sort()).toEqual([n.login, n.invoice].sort());
  });

  it("finds a ticket by its number, with or without #, and a contact by email or name", async () => {
    expect(await numbers({ q: `#${n.password}` })).toContain(n.password);
    expect(await numbers({ q: String(n.password) })).toContain(n.password);
    expect(await numbers({ q: "Anna.Lee@example.com" })).toEqual([n.login]);
    expect(await numbers({ q: "anna" })).toEqual([n.login]);
    expect(await numbers({ q: "stone" })).toEqual([n.invoice]);
  });

  it("puts the ticket a number names first, then the other matches, and never repeats it on later pages", async () => {
    const target = n.password!;
    await ticket("mentions", {
      subject: `Follow-up to ${target}`,
      body: `See ticket ${target} for the details.`,
      contact_email: "mentions@example.com",
    });
    const first = await numbers({ q: `#${target}` });
    expect(first[0]).toBe(target);
    expect(first).toContain(n.mentions);
    const paged = await allPages({ q: `#${target}` });
    expect(paged[0]).toBe(target);
    expect(new Set(paged).size).toBe(paged.length);
    expect([...paged].sort()).toEqual([...first].sort());
  });

  it("falls back to word prefixes and near spellings only when the exact query finds nothing", async () => {
    expect(await numbers({ q: "invo" })).toEqual([n.invoice]);
    expect(await numbers({ q: "carla mendes" })).toEqual([n.password]);
    expect(await numbers({ q: "bob@exampel.org" })).toEqual([n.invoice]);
    // A phrase or an exclusion is never loosened.
    expect(await numbers({ q: '"invo"' })).toEqual([]);
    expect(await numbers({ q: "invo -march" })).toEqual([]);
  });

  it("keeps the documents current when a subject, a message or a contact changes", async () => {
    await updateTicket(ws.agent, { ticket: n.feature!, subject: "Theme request" });
    expect(await numbers({ q: "theme" })).toEqual([n.feature]);
    expect(await numbers({ q: "feature" })).toEqual([]);
    await replyToTicket(ws.agent, { ticket: n.feature!, body: "Scheduled for the aurora release." });
    expect(await numbers({ q: "aurora" })).toEqual([n.feature]);
    await upsertContact(ws.agent, { email: "dan@example.com", company: "Initech" });
    expect(await numbers({ q: "initech" })).toEqual([n.feature]);
  });
});

describe("internal notes in search", () => {
  it("agents match notes; include_notes false never matches them", async () => {
    expect(await numbers({ q: "zebrafish" })).toEqual([n.feature]);
    expect(await numbers({ q: "zebrafish", include_notes: false })).toEqual([]);
    // The string "false" is refused outright, never read as true.
    await expect(
      listTickets(ws.agent, { q: "zebrafish", include_notes: "false" } as unknown as TicketListInput),
    ).rejects.toMatchObject({
      code: "validation_error",
      fields: { include_notes: ["include_notes must be true or false"] },
    });
    // Nor does the fallback reach them.
    expect(await numbers({ q: "zebraf", include_notes: false })).toEqual([]);
  });

  it("include_notes false never shows a note in a snippet", async () => {
    const agent = await listTickets(ws.agent, { q: "kraken" });
    expect(agent.items.map((t) => t.snippet)).toEqual([expect.stringContaining("<mark>Kraken</mark>")]);
    const contactFacing = await listTickets(ws.agent, { q: "login", include_notes: false });
    expect(contactFacing.items.map((t) => t.number).sort()).toEqual([n.login, n.invoice].sort());
    for (const row of contactFacing.items) expect(row.snippet ?? "").not.toMatch(/kraken/i);
  });
});

describe("snippets", () => {
  it("marks the matching words of the first matching message", async () => {
    const [row] = (await listTickets(ws.agent, { q: "crashes phone" })).items;
    expect(row?.snippet).toMatch(/<mark>crashes<\/mark>.*<mark>phone<\/mark>/);
  });

  it("marks what the loosened query matched when the words as typed match nothing", async () => {
    const [row] = (await listTickets(ws.agent, { q: "invo" })).items;
    expect(row?.number).toBe(n.invoice);
    expect(row?.snippet).toMatch(/<mark>invoice<\/mark>/i);
  });

  it("falls back to the subject, and has none without text", async () => {
    const [row] = (await listTickets(ws.agent, { q: "mobile" })).items;
    expect(row?.snippet).toBe("Login fails on <mark>mobile</mark>");
    const plain = await listTickets(ws.agent, { limit: 5 });
    expect(plain.items.every((t) => t.snippet === null)).toBe(true);
  });
});

describe("sort orders and cursors", () => {
  const widgets = () => [1, 2, 3, 4, 5, 6].map((i) => n[`w${i}`]!);

  it("sorts by latest activity by default, by creation and by priority, paging without repeats or gaps", async () => {
    const byUpdated = await numbers({ q: "widget" });
    expect(byUpdated.sort()).toEqual(widgets().sort());
    expect(await allPages({ q: "widget" })).toEqual(await numbers({ q: "widget" }));

    const byCreated = await allPages({ q: "widget", sort: "created" });
    expect(byCreated).toEqual([...widgets()].reverse());

    const byPriority = await allPages({ q: "widget", sort: "priority" });
    expect(byPriority).toEqual(await numbers({ q: "widget", sort: "priority" }));
    const rank = { urgent: 0, high: 1, normal: 2, low: 3 } as const;
    const rows = (await listTickets(ws.agent, { q: "widget", sort: "priority" })).items;
    const ranks = rows.map((t) => rank[t.priority as keyof typeof rank]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it("sorts by relevance with the subject match first, paging without repeats or gaps", async () => {
    const byRelevance = await allPages({ q: "widget", sort: "relevance" });
    expect(byRelevance[0]).toBe(n.w1);
    expect(byRelevance).toEqual(await numbers({ q: "widget", sort: "relevance" }));
    expect([...byRelevance].sort()).toEqual(widgets().sort());
  });

  it("sorts the unfiltered list too, and refuses a cursor from another sort order", async () => {
    const all = await numbers({ sort: "created" });
    expect(await allPages({ sort: "created" })).toEqual(all);
    const first = await listTickets(ws.agent, { limit: 2, sort: "created" });
    const error = await listTickets(ws.agent, { limit: 2, sort: "priority", cursor: first.next_cursor! }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fields).toEqual({ cursor: ["is not a cursor this list gave out"] });
  });

  it("filters by a created range in every order, paging without repeats or gaps", async () => {
    // Five of the widget tickets created a year ago, a day apart; the range holds the middle three.
    const day = 86_400_000;
    const yearAgo = Date.now() - 365 * day;
    for (const [i, key] of ["w2", "w3", "w4", "w5", "w6"].entries()) {
      await prisma.ticket.update({
        where: { workspaceId_number: { workspaceId: ws.workspace.id, number: n[key]! } },
        data: { createdAt: new Date(yearAgo + i * day) },
      });
    }
    const range = {
      created_after: new Date(yearAgo + day).toISOString(),
      created_before: new Date(yearAgo + 3 * day + 1).toISOString(),
    };
    const inRange = [n.w3!, n.w4!, n.w5!];
    const expected = async (sort: "updated" | "priority") =>
      (
        await prisma.ticket.findMany({
          where: { workspaceId: ws.workspace.id, number: { in: inRange } },
          orderBy:
            sort === "priority"
              ? [{ priority: "desc" }, { updatedAt: "desc" }, { id: "desc" }]
              : [{ updatedAt: "desc" }, { id: "desc" }],
          select: { number: true },
        })
      ).map((t) => t.number);
    for (const sort of ["updated", "priority"] as const) {
      // One page of 100 (read from the range's own index), then pages of 2 (the newest tickets' walk first).
      expect(await numbers({ ...range, sort })).toEqual(await expected(sort));
      expect(await allPages({ ...range, sort })).toEqual(await expected(sort));
    }
    expect(await allPages({ ...range, sort: "created" })).toEqual([n.w5!, n.w4!, n.w3!]);
    expect(await numbers({ ...range, priority: "urgent" })).toEqual(
      (await expected("updated")).filter((num) => [n.w3!, n.w6!].includes(num)),
    );
  });

  it("names the field for an unknown sort", async () => {
    const error = await listTickets(ws.agent, { sort: "oldest" } as unknown as TicketListInput).catch(
      (e: unknown) => e,
    );
    expect((error as AppError).fields?.sort?.[0]).toMatch(/sort must be one of updated, created, priority, relevance/);
  });
});

describe("search isolation", () => {
  it("never matches another workspace's tickets or contacts", async () => {
    const other = await createTestWorkspace("srch-other");
    for (const q of ["zebrafish", "anna.lee@example.com", "invo", "carla mendes", `#${n.password}`]) {
      const found = await listTickets(other.agent, { q });
      expect(found.items.filter((t) => !other.tickets.some((o) => o.ticket === t.number))).toEqual([]);
      expect(found.items.map((t) => t.subject)).not.toContain("Password reset");
    }
    expect((await searchContacts(other.agent, { q: "anna" })).items).toEqual([]);
  });
});

describe("contact search", () => {
  it("finds contacts by part of a name, email or company and by near spellings", async () => {
    const names = async (q: string) => (await searchContacts(ws.agent, { q })).items.map((c) => c.name);
    expect(await names("ann")).toEqual(["Anna Lee"]);
    expect(await names("example.org")).toEqual(["Bob Stone"]);
    expect(await names("initech")).toEqual(["dan"]);
    expect(await names("carla mendes")).toEqual(["Carla Mendez"]);
  });
});
