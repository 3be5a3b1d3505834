// CSAT: the rating request the resolve issues, the public page over HTTP (opening it records nothing,
// the POST rates and changes the rating, expired and unknown links answer a clear page), every verb
// and tool through the real HTTP route with the official MCP SDK client, the per-address limit on the
// rating POST, and CSAT per agent and team in the support metrics.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { baseUrl, connectMcp, callTool as call, callToolOk as ok, proxiedBaseUrl } from "../support/mcp-client";
import { prisma } from "@/lib/db";
import { createApiKey } from "@/lib/services/credentials/create-api-key";
import { createPersonalToken } from "@/lib/services/credentials/create-personal-token";
import { assignTicket } from "@/lib/services/tickets/assign-ticket";
import { createTicket } from "@/lib/services/tickets/create-ticket";
import { reopenTicket } from "@/lib/services/tickets/reopen-ticket";
import { resolveTicket } from "@/lib/services/tickets/resolve-ticket";

let ws: TestWorkspace;
let other: TestWorkspace;
let agent: Client;
let admin: Client;
let reader: Client;
let ticketsOnly: Client;
let outsider: Client;
const clients: Client[] = [];

let ticketSeq = 0;
/** A new ticket of the workspace, on the given team, assigned to the agent. */
async function newTicket(t: TestWorkspace, subject: string, team = t.teams[0]!.id, assignee = t.users.agent) {
  const created = await createTicket(t.owner, {
    subject,
    body: "It broke",
    contact_email: `rater${++ticketSeq}.${t.slug}@example.com`,
    team,
  });
  await assignTicket(t.owner, { ticket: created.ticket, assignee });
  return created.ticket;
}

async function ticketId(t: TestWorkspace, number: number) {
  return (
    await prisma.ticket.findUniqueOrThrow({
      where: { workspaceId_number: { workspaceId: t.workspace.id, number } },
      select: { id: true },
    })
  ).id;
}

/** The public page as a mail scanner or a browser opens it. */
async function open(link: string) {
  const res = await fetch(link, { redirect: "manual" });
  return { status: res.status, html: await res.text() };
}

/** The rating form's POST; a pause keeps the file's posts under the per-second limit. */
async function rate(link: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  await new Promise((r) => setTimeout(r, 250));
  const url = new URL(link);
  const res = await fetch(`${url.origin}${url.pathname}/submit`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields),
    redirect: "manual",
  });
  return { status: res.status, location: res.headers.get("location") ?? "" };
}

async function activityOf(t: TestWorkspace, number: number, action: string) {
  return prisma.ticketActivity.findMany({
    where: { ticketId: await ticketId(t, number), action },
    orderBy: { createdAt: "asc" },
    select: { actorUserId: true, via: true, changes: true },
  });
}

beforeAll(async () => {
  ws = await createTestWorkspace("csat");
  other = await createTestWorkspace("csat-other");
  agent = await connectMcp((await createPersonalToken(ws.agent, { name: "Agent client" })).secret);
  admin = await connectMcp((await createPersonalToken(ws.admin, { name: "Admin client" })).secret);
  const readKey = await createApiKey(ws.admin, { name: "csat reader", scopes: ["csat:read"], org_level: true });
  reader = await connectMcp(readKey.secret);
  const ticketKey = await createApiKey(ws.admin, {
    name: "tickets only",
    scopes: ["tickets:read", "tickets:write"],
    org_level: true,
  });
  ticketsOnly = await connectMcp(ticketKey.secret);
  outsider = await connectMcp((await createPersonalToken(other.admin, { name: "Outsider" })).secret);
  clients.push(agent, admin, reader, ticketsOnly, outsider);
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

describe("the rating request", () => {
  it("the resolve issues it in the same change, for the ticket's agent and team; the link is shown while open", async () => {
    const n = await newTicket(ws, "Invoice shows the wrong VAT");
    const before = await ok(agent, "get_csat", { ticket: n });
    expect(before).toMatchObject({ ticket: n, status: "open", scale: "good_bad", rating: null, requests: [] });

    await ok(agent, "resolve_ticket", { ticket: n });
    const csat = await ok(reader, "get_csat", { ticket: n });
    expect(csat.requests).toHaveLength(1);
    expect(csat.requests[0]).toMatchObject({
      state: "awaiting_rating",
      agent: { id: ws.users.agent },
      team: { id: ws.teams[0]!.id, name: "Billing" },
      rating: null,
    });
    const link: string = csat.requests[0].link;
    expect(link).toMatch(new RegExp(`^${baseUrl()}/rate/[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{32}$`));
    const expires = new Date(csat.requests[0].expires_at).getTime() - new Date(csat.requests[0].issued_at).getTime();
    expect(expires).toBe(14 * 86_400_000);

    // The database holds the link's random key, never its signature: a copy of the rows makes no link.
    const row = await prisma.csatRequest.findFirstOrThrow({ where: { ticketId: await ticketId(ws, n) } });
    const signature = link.split(".").at(-1)!;
    expect(JSON.stringify(row)).not.toContain(signature);
    expect(link).toContain(`/rate/${row.key}.`);

    // Resolving again changes nothing and issues nothing; reopening and resolving issues a new link.
    await ok(agent, "resolve_ticket", { ticket: n });
    expect((await ok(agent, "get_csat", { ticket: n })).requests).toHaveLength(1);
    await reopenTicket(ws.agent, { ticket: n });
    await resolveTicket(ws.agent, { ticket: n });
    const again = await ok(agent, "get_csat", { ticket: n });
    expect(again.requests.map((r: { state: string }) => r.state)).toEqual(["awaiting_rating", "replaced"]);
    expect(again.requests[1].link).toBeNull();
    expect(again.requests[0].link).not.toBe(link);
    expect((await open(link)).html).toContain("This rating link was replaced");
  });

  it("needs csat scopes, and stays inside the workspace", async () => {
    const n = await newTicket(ws, "Private ticket");
    await resolveTicket(ws.agent, { ticket: n });
    const refused = await call(ticketsOnly, "get_csat", { ticket: n });
    expect(refused.isError).toBe(true);
    expect(refused.body).toMatchObject({ error: "insufficient_scope", required_scope: "csat:read" });
    const foreign = await call(outsider, "get_csat", { ticket: n });
    expect(foreign.body.error).toBe("not_found");
    const resend = await call(outsider, "send_csat_request", { ticket: n });
    expect(resend.body.error).toBe("not_found");
    const bad = await call(agent, "get_csat", { ticket: "first" });
    expect(bad.body).toMatchObject({ error: "validation_error" });
    expect(Object.keys(bad.body.fields ?? {})).toContain("ticket");
  });
});

describe("the public rating page", () => {
  let n: number;
  let link: string;

  beforeAll(async () => {
    n = await newTicket(ws, "Cannot log in after the update");
    await resolveTicket(ws.agent, { ticket: n });
    link = (await ok(agent, "get_csat", { ticket: n })).requests[0].link;
  });

  it("opening the link only shows the page: nothing is recorded, however often it is opened", async () => {
    for (let i = 0; i < 3; i++) {
      const page = await open(link);
      expect(page.status).toBe(200);
      expect(page.html).toContain("How did we do?");
      expect(page.html).toContain("Cannot log in after the update");
      expect(page.html).toContain('name="robots" content="noindex, nofollow"');
    }
    const head = await fetch(link, { method: "HEAD" });
    expect(head.status).toBe(200);
    const csat = await ok(agent, "get_csat", { ticket: n });
    expect(csat.rating).toBeNull();
    expect(csat.requests[0].state).toBe("awaiting_rating");
    expect(await activityOf(ws, n, "csat_rated")).toEqual([]);
    const row = await prisma.csatRequest.findFirstOrThrow({ where: { ticketId: await ticketId(ws, n) } });
    expect(row.ratedAt).toBeNull();
  });

  it("the POST records the rating and comment; a second POST changes them; the ticket history says so", async () => {
    const first = await rate(link, { rating: "good", comment: "Fixed in minutes" });
    expect(first.status).toBe(303);
    expect(first.location).toMatch(/\/rate\/[^?]+\?rated=new$/);
    let csat = await ok(agent, "get_csat", { ticket: n });
    expect(csat.rating).toMatchObject({
      scale: "good_bad",
      score: null,
      satisfied: true,
      label: "good",
      comment: "Fixed in minutes",
    });
    expect(csat.requests[0].state).toBe("rated");
    expect(csat.requests[0].link).toBe(link);
    expect((await open(link)).html).toMatch(/Your rating: <span[^>]*>good<\/span>/);

    const second = await rate(link, { rating: "bad", comment: "It broke again the next day" });
    expect(second.location).toMatch(/\?rated=changed$/);
    csat = await ok(agent, "get_csat", { ticket: n });
    expect(csat.rating).toMatchObject({ satisfied: false, label: "bad", comment: "It broke again the next day" });

    const rows = await activityOf(ws, n, "csat_rated");
    expect(rows).toEqual([
      { actorUserId: null, via: "web", changes: { rating: { from: null, to: "good" }, comment: "Fixed in minutes" } },
      {
        actorUserId: null,
        via: "web",
        changes: { rating: { from: "good", to: "bad" }, comment: "It broke again the next day" },
      },
    ]);
  });

  it("a rating the scale does not have, or none, is refused and changes nothing", async () => {
    expect((await rate(link, { rating: "4" })).location).toMatch(/\?error=rating$/);
    expect((await rate(link, { comment: "no rating" })).location).toMatch(/\?error=rating$/);
    expect((await rate(link, { rating: "good", comment: "x".repeat(2_001) })).location).toMatch(/\?error=comment$/);
    const csat = await ok(agent, "get_csat", { ticket: n });
    expect(csat.rating).toMatchObject({ label: "bad", comment: "It broke again the next day" });
  });

  it("an unknown or edited link answers a clear page, never an error", async () => {
    const [key, signature] = new URL(link).pathname.replace("/rate/", "").split(".");
    const tampered = `${baseUrl()}/rate/${key}.${signature!.slice(0, -2)}${signature!.endsWith("AA") ? "BB" : "AA"}`;
    for (const url of [tampered, `${baseUrl()}/rate/nonsense`, `${baseUrl()}/rate/${"x".repeat(300)}`]) {
      const page = await open(url);
      expect(page.status, url).toBe(200);
      expect(page.html).toContain("This rating link is not valid");
    }
    expect((await rate(tampered, { rating: "good" })).location).toMatch(/\?error=unknown$/);
    expect((await open(`${baseUrl()}/rate/${key}.${signature}/submit`)).status).toBe(405);
  });

  it("an expired link shows that it expired, keeps the rating given and takes no new one", async () => {
    await prisma.csatRequest.updateMany({
      where: { ticketId: await ticketId(ws, n) },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });
    const page = await open(link);
    expect(page.status).toBe(200);
    expect(page.html).toContain("This rating link has expired");
    expect(page.html).toContain("Your rating (bad) was recorded");
    expect((await rate(link, { rating: "good" })).location).toMatch(/\?error=expired$/);
    const csat = await ok(agent, "get_csat", { ticket: n });
    expect(csat.rating.label).toBe("bad");
    expect(csat.requests[0]).toMatchObject({ state: "rated", link: null });
  });
});

describe("send_csat_request and the scale", () => {
  it("issues a fresh link for a resolved ticket, with an activity row and an audit event; refuses an open one", async () => {
    const n = await newTicket(ws, "Refund not received", ws.teams[1]!.id);
    const open = await call(agent, "send_csat_request", { ticket: n });
    expect(open.isError).toBe(true);
    expect(open.body).toMatchObject({ error: "conflict", fields: { ticket: [expect.stringContaining("open")] } });

    await resolveTicket(ws.agent, { ticket: n });
    const first = (await ok(agent, "get_csat", { ticket: n })).requests[0].link;
    const sent = await ok(agent, "send_csat_request", { ticket: n });
    expect(sent).toMatchObject({ ticket: n, link: expect.stringContaining("/rate/") });
    expect(sent.link).not.toBe(first);
    const csat = await ok(agent, "get_csat", { ticket: n });
    expect(csat.requests.map((r: { state: string; link: string | null }) => [r.state, r.link])).toEqual([
      ["awaiting_rating", sent.link],
      ["replaced", null],
    ]);
    expect((await rate(first, { rating: "good" })).location).toMatch(/\?error=replaced$/);
    expect(await activityOf(ws, n, "csat_requested")).toEqual([
      { actorUserId: ws.users.agent, via: "mcp", changes: { expires_at: sent.expires_at } },
    ]);
    const audit = await prisma.auditEvent.findFirst({
      where: { workspaceId: ws.workspace.id, action: "csat.request" },
      select: { actorUserId: true, details: true },
    });
    expect(audit).toEqual({ actorUserId: ws.users.agent, details: { ticket: n } });
  });

  it("admins set the 1–5 scale; new requests use it, 4 and 5 count as satisfied", async () => {
    const refused = await call(agent, "update_csat_settings", { scale: "one_to_five" });
    expect(refused.body.error).toBe("admin_required");
    const badScale = await call(admin, "update_csat_settings", { scale: "stars" });
    expect(badScale.body).toMatchObject({ error: "validation_error", fields: { scale: [expect.any(String)] } });
    expect(await ok(admin, "update_csat_settings", { scale: "one_to_five" })).toEqual({
      scale: "one_to_five",
      changed: true,
    });

    const n = await newTicket(ws, "Export is slow", ws.teams[1]!.id, ws.users.agent2);
    await resolveTicket(ws.agent2, { ticket: n });
    const link = (await ok(agent, "get_csat", { ticket: n })).requests[0].link;
    expect((await open(link)).html).toContain("from 1 (poor) to 5 (excellent)");
    expect((await rate(link, { rating: "good" })).location).toMatch(/\?error=rating$/);
    expect((await rate(link, { rating: "4", comment: "Good enough" })).location).toMatch(/\?rated=new$/);
    const csat = await ok(agent, "get_csat", { ticket: n });
    expect(csat.rating).toMatchObject({ scale: "one_to_five", score: 4, satisfied: true, label: "4/5" });
    expect(await activityOf(ws, n, "csat_rated")).toMatchObject([{ changes: { rating: { from: null, to: "4/5" } } }]);
    await ok(admin, "update_csat_settings", { scale: "good_bad" });
  });
});

describe("list_csat_ratings and the metrics", () => {
  it("lists ratings newest first, filtered by score, agent, team and period, keyset paged", async () => {
    const all = await ok(reader, "list_csat_ratings", {});
    // Rated so far: "Cannot log in" (bad, agent, Billing) and "Export is slow" (4/5, agent2, Technical).
    expect(all.items.map((r: { ticket: { subject: string } }) => r.ticket.subject)).toEqual([
      "Export is slow",
      "Cannot log in after the update",
    ]);
    expect(all.items[1]).toMatchObject({
      rating: { label: "bad", satisfied: false },
      agent: { id: ws.users.agent },
      team: { name: "Billing" },
      contact: { email: expect.stringContaining("@example.com") },
    });
    const subjects = async (args: Record<string, unknown>) =>
      (await ok(reader, "list_csat_ratings", args)).items.map((r: { ticket: { subject: string } }) => r.ticket.subject);
    expect(await subjects({ score: "good" })).toEqual(["Export is slow"]);
    expect(await subjects({ score: "bad" })).toEqual(["Cannot log in after the update"]);
    expect(await subjects({ score: 4 })).toEqual(["Export is slow"]);
    expect(await subjects({ score: "5" })).toEqual([]);
    expect(await subjects({ agent: ws.users.agent2 })).toEqual(["Export is slow"]);
    expect(await subjects({ team: ws.teams[0]!.id })).toEqual(["Cannot log in after the update"]);
    expect(await subjects({ period_days: 1 })).toHaveLength(2);
    expect((await ok(agent, "list_csat_ratings", { agent: "me" })).items).toHaveLength(1);

    const page1 = await ok(reader, "list_csat_ratings", { limit: 1 });
    expect(page1).toMatchObject({ has_more: true, next_cursor: expect.any(String) });
    const page2 = await ok(reader, "list_csat_ratings", { limit: 1, cursor: page1.next_cursor });
    expect(page2).toMatchObject({ has_more: false, next_cursor: null });
    expect([...page1.items, ...page2.items].map((r: { id: string }) => r.id)).toEqual(
      all.items.map((r: { id: string }) => r.id),
    );

    const bad = await call(reader, "list_csat_ratings", { score: "great" });
    expect(bad.body).toMatchObject({ error: "validation_error", fields: { score: [expect.any(String)] } });
    const cursor = await call(reader, "list_csat_ratings", { cursor: "not-a-cursor" });
    expect(cursor.body).toMatchObject({ error: "validation_error", fields: { cursor: [expect.any(String)] } });
    const unknown = await call(reader, "list_csat_ratings", { rating: "good" });
    expect(unknown.body.error).toBe("validation_error");
    expect((await ok(outsider, "list_csat_ratings", {})).items).toEqual([]);
  });

  it("get_support_metrics counts CSAT per agent and per team", async () => {
    const byAgent = await ok(admin, "get_support_metrics", { period_days: 3, group_by: "agent" });
    const agentGroup = byAgent.groups.find((g: { key: string | null }) => g.key === ws.users.agent);
    const agent2Group = byAgent.groups.find((g: { key: string | null }) => g.key === ws.users.agent2);
    expect(agentGroup.csat).toEqual({ ratings: 1, satisfied: 0, percent: 0 });
    expect(agent2Group.csat).toEqual({ ratings: 1, satisfied: 1, percent: 100 });
    const byTeam = await ok(admin, "get_support_metrics", { period_days: 3, group_by: "team" });
    expect(byTeam.groups.find((g: { label: string }) => g.label === "Billing").csat).toMatchObject({ ratings: 1 });
    expect(byTeam.groups.find((g: { label: string }) => g.label === "Technical").csat).toMatchObject({
      ratings: 1,
      percent: 100,
    });
    const whole = await ok(admin, "get_support_metrics", { period_days: 3 });
    expect(whole.groups[0].csat).toEqual({ ratings: 2, satisfied: 1, percent: 50 });
  });
});

describe("the per-address limit on ratings", () => {
  it("refuses the rating POST past the minute's allowance from one address, saying when to try again", async () => {
    const proxied = proxiedBaseUrl();
    const from = { "X-Forwarded-For": `198.51.100.${Math.floor(Math.random() * 200) + 20}` };
    const outcomes: string[] = [];
    for (let i = 0; i < 21; i++) {
      const { location } = await rate(`${proxied}/rate/not-a-real-link`, { rating: "good" }, from);
      outcomes.push(new URL(location, proxied).searchParams.get("error") ?? "");
    }
    expect(outcomes.slice(0, 20).every((o) => o === "unknown")).toBe(true);
    expect(outcomes[20]).toBe("limited");
  });
});
