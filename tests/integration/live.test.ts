// The live endpoints through the real routes and web sessions: the ticket page's heartbeat (its
// version and who else is on the ticket), leaving, the ticket list's poll, and their scoping to
// the signed-in member's workspace.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { replyToTicket } from "@/lib/services/tickets/reply-to-ticket";
import { addTicketTags } from "@/lib/services/tickets/add-ticket-tags";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { baseUrl } from "../support/mcp-client";
import { type CookieJar, signIn } from "../support/oauth-http";

let ws: TestWorkspace;
let other: TestWorkspace;
let agent: CookieJar;
let agent2: CookieJar;
let outsider: CookieJar;
let names: Record<string, string>;
let ticket: number;

const beat = (jar: CookieJar, number: number | string, body: unknown) =>
  jar.fetch(`${baseUrl()}/api/live/tickets/${number}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const leave = (jar: CookieJar, number: number) =>
  jar.fetch(`${baseUrl()}/api/live/tickets/${number}`, { method: "DELETE" });
const list = (jar: CookieJar, tickets: string) =>
  jar.fetch(`${baseUrl()}/api/live/tickets?${new URLSearchParams({ tickets })}`);

type Beat = { ticket: number; version: string; presence: { userId: string; name: string; state: string }[] };

async function beatOk(jar: CookieJar, number: number, state: string): Promise<Beat> {
  const res = await beat(jar, number, { state });
  expect(res.status).toBe(200);
  expect(res.headers.get("cache-control")).toBe("no-store");
  return (await res.json()) as Beat;
}

beforeAll(async () => {
  [ws, other] = await Promise.all([createTestWorkspace("live"), createTestWorkspace("live-other")]);
  ticket = ws.tickets[0]!.ticket;
  const users = await prisma.user.findMany({
    where: { id: { in: [ws.users.agent, ws.users.agent2] } },
    select: { id: true, name: true },
  });
  names = Object.fromEntries(users.map((u) => [u.id, u.name]));
  const agent2Email = ws.emails.agent.replace(/^agent\./, "agent2.");
  [agent, agent2, outsider] = await Promise.all([
    signIn(ws.emails.agent),
    signIn(agent2Email),
    signIn(other.emails.agent),
  ]);
});

describe("presence on a ticket", () => {
  it("each member sees the others on the ticket, viewing or replying, never themselves", async () => {
    const first = await beatOk(agent, ticket, "viewing");
    expect(first.presence.map((p) => p.userId)).not.toContain(ws.users.agent);

    const second = await beatOk(agent2, ticket, "replying");
    expect(second.presence).toContainEqual({ userId: ws.users.agent, name: names[ws.users.agent], state: "viewing" });

    const again = await beatOk(agent, ticket, "viewing");
    expect(again.presence).toContainEqual({ userId: ws.users.agent2, name: names[ws.users.agent2], state: "replying" });
    expect(again.presence.map((p) => p.userId)).not.toContain(ws.users.agent);
  });

  it("the list shows who is on each row asked about; leaving takes a member off", async () => {
    const quiet = ws.tickets[1]!.ticket;
    await beatOk(agent, ticket, "viewing");
    await beatOk(agent2, ticket, "replying");
    const res = await list(agent2, `${ticket},${quiet}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { version: string; presence: Record<string, Beat["presence"]> };
    expect(typeof body.version).toBe("string");
    expect(body.presence[String(ticket)]).toEqual([
      { userId: ws.users.agent, name: names[ws.users.agent], state: "viewing" },
    ]);
    expect(body.presence[String(quiet)]).toEqual([]);

    expect((await leave(agent, ticket)).status).toBe(200);
    const after = (await (await list(agent2, String(ticket))).json()) as typeof body;
    expect(after.presence[String(ticket)]).toEqual([]);
  });

  it("a member of another workspace sees nobody of this one, and cannot beat on its tickets", async () => {
    await beatOk(agent, ticket, "replying");
    // The same number names the other workspace's own ticket there: its presence, not this one's.
    const seen = (await (await list(outsider, String(ticket))).json()) as { presence: Record<string, unknown[]> };
    expect(seen.presence[String(ticket)]).toEqual([]);
    const theirs = await beatOk(outsider, ticket, "viewing");
    expect(theirs.presence).toEqual([]);
    const mine = await beatOk(agent2, ticket, "viewing");
    expect(mine.presence.map((p) => p.userId)).toEqual([ws.users.agent]);

    const missing = await beat(outsider, 999_999, { state: "viewing" });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: "not_found" });
  });
});

describe("the ticket's version", () => {
  it("changes when anyone replies or changes the ticket, wherever it was done", async () => {
    const number = ws.tickets[2]!.ticket;
    const before = (await beatOk(agent, number, "viewing")).version;
    expect((await beatOk(agent, number, "viewing")).version).toBe(before);

    await replyToTicket(ws.agent2, { ticket: number, body: "On it." });
    const afterReply = (await beatOk(agent, number, "viewing")).version;
    expect(afterReply).not.toBe(before);

    // A tag touches only the history: still a new version.
    await addTicketTags(ws.agent2, { ticket: number, tags: ["live-check"] });
    expect((await beatOk(agent, number, "viewing")).version).not.toBe(afterReply);
  });

  it("the list's version changes with any ticket of the workspace, and only of it", async () => {
    const read = async (jar: CookieJar) => ((await (await list(jar, "")).json()) as { version: string }).version;
    const [mine, theirs] = [await read(agent), await read(outsider)];
    await replyToTicket(ws.agent2, { ticket: ws.tickets[1]!.ticket, body: "Checking." });
    expect(await read(agent)).not.toBe(mine);
    expect(await read(outsider)).toBe(theirs);
  });
});

describe("what the endpoints refuse", () => {
  it("a signed-out caller or an API credential gets 401: web sessions only", async () => {
    const res = await fetch(`${baseUrl()}/api/live/tickets/${ticket}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: "Bearer db_pat_not_a_session" },
      body: JSON.stringify({ state: "viewing" }),
    });
    expect(res.status).toBe(401);
    expect((await fetch(`${baseUrl()}/api/live/tickets?tickets=1`)).status).toBe(401);
  });

  it("bad input gets a 422 naming the field", async () => {
    const state = await beat(agent, ticket, { state: "typing" });
    expect(state.status).toBe(422);
    expect((await state.json()).fields).toHaveProperty("state");

    const notJson = await beat(agent, ticket, "{nope");
    expect(notJson.status).toBe(422);
    expect((await notJson.json()).fields).toHaveProperty("body");

    const number = await beat(agent, "abc", { state: "viewing" });
    expect(number.status).toBe(422);
    expect((await number.json()).fields).toHaveProperty("ticket");

    const rows = await list(agent, "1,two");
    expect(rows.status).toBe(422);
    expect(JSON.stringify((await rows.json()).fields)).toContain("tickets");

    const many = await list(agent, Array.from({ length: 101 }, (_, i) => i + 1).join(","));
    expect(many.status).toBe(422);
    expect((await many.json()).message).toMatch(/at most 100/);
  });
});
