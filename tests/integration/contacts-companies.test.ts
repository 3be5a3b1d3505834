// Contacts and companies over MCP with the official SDK client: editing, merging duplicates (every
// address keeps finding the merged contact), companies grouped by email domain, refusals and
// workspace isolation. Services set up data in-process; every checked call goes over HTTP.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { connectMcp, toolBody, ALL_TOOLSETS } from "../support/mcp-client";
import { prisma } from "@/lib/db";
import { createApiKey } from "@/lib/services/credentials/create-api-key";
import { createPersonalToken } from "@/lib/services/credentials/create-personal-token";
import { createTicket } from "@/lib/services/tickets/create-ticket";

let ws: TestWorkspace;
let other: TestWorkspace;
let agent: Client;
let reader: Client;
let outsider: Client;

const call = async (client: Client, name: string, args: Record<string, unknown>) =>
  toolBody(await client.callTool({ name, arguments: args }));

beforeAll(async () => {
  ws = await createTestWorkspace("contacts");
  other = await createTestWorkspace("contacts-other");
  agent = await connectMcp((await createPersonalToken(ws.agent, { name: "Agent's client" })).secret, ALL_TOOLSETS);
  const readKey = await createApiKey(ws.admin, { name: "reader", scopes: ["contacts:read"], org_level: true });
  reader = await connectMcp(readKey.secret);
  outsider = await connectMcp((await createPersonalToken(other.admin)).secret);
});
afterAll(async () => {
  await Promise.all([agent?.close(), reader?.close(), outsider?.close()]);
});

/** Two contacts for one person, each with a ticket, as mail from two addresses makes them. */
async function duplicatePair(label: string) {
  const a = await createTicket(ws.owner, {
    subject: `${label} invoice`,
    body: "Please reissue the invoice.",
    contact_email: `${label}@work.example`,
    contact_name: "Sam Rivera",
  });
  const b = await createTicket(ws.owner, {
    subject: `${label} follow-up`,
    body: "Any news on the invoice?",
    contact_email: `${label}.home@mail.example`,
    contact_name: "Sam R.",
  });
  return { keep: a.contact.id, dup: b.contact.id, keptTicket: a.ticket, movedTicket: b.ticket };
}

describe("update_contact", () => {
  it("changes the name and phone, and clears the company text", async () => {
    const { id } = (await call(agent, "upsert_contact", { email: "edit.me@work.example", company: "Old Co" })) as {
      id: string;
    };
    const result = await call(agent, "update_contact", {
      contact_id: id,
      name: "Edith Mae",
      phone: "+44 20 7946 0000",
      company: null,
    });
    expect(result).toMatchObject({ name: "Edith Mae", phone: "+44 20 7946 0000", company: null });
    expect(result.changed.sort()).toEqual(["company", "name", "phone"]);
    const audit = await prisma.auditEvent.findFirst({
      where: { workspaceId: ws.workspace.id, action: "contact.update" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit).toMatchObject({ via: "mcp", actorUserId: ws.users.agent });
  });

  it("refuses another contact's email as a conflict on the email field, and bad input by field", async () => {
    const first = await call(agent, "upsert_contact", { email: "one@work.example" });
    await call(agent, "upsert_contact", { email: "two@work.example" });
    const clash = await call(agent, "update_contact", { contact_id: first.id, email: "two@work.example" });
    expect(clash).toMatchObject({ error: "conflict", fields: { email: [expect.any(String)] } });
    const bad = await call(agent, "update_contact", { contact_id: first.id, email: "not an email" });
    expect(bad).toMatchObject({ error: "validation_error", fields: { email: [expect.stringContaining("email")] } });
    const nothing = await call(agent, "update_contact", { contact_id: first.id });
    expect(nothing.error).toBe("validation_error");
    expect(nothing.message).toContain("give a name, email, phone or company");
  });

  it("is refused to a read-only key and cannot reach another workspace's contact", async () => {
    const id = ws.tickets[0]!.contact.id;
    expect(await call(reader, "update_contact", { contact_id: id, name: "X" })).toMatchObject({
      error: "insufficient_scope",
      required_scope: "contacts:write",
    });
    expect((await call(outsider, "update_contact", { contact_id: id, name: "X" })).error).toBe("not_found");
  });
});

describe("merge_contacts", () => {
  it("moves the duplicate's tickets in one audited step, each with an activity row, and keeps every address", async () => {
    const pair = await duplicatePair("sam");
    const result = await call(agent, "merge_contacts", { keep_contact_id: pair.keep, merge_contact_id: pair.dup });
    expect(result).toMatchObject({
      contact: { id: pair.keep, email: "sam@work.example" },
      emails: ["sam@work.example", "sam.home@mail.example"],
      merged_contact_id: pair.dup,
      moved_tickets: [pair.movedTicket],
    });
    expect(await prisma.contact.findUnique({ where: { id: pair.dup } })).toBeNull();
    const moved = await prisma.ticket.findUniqueOrThrow({
      where: { workspaceId_number: { workspaceId: ws.workspace.id, number: pair.movedTicket } },
      select: { id: true, contactId: true, messages: { select: { authorContactId: true } } },
    });
    expect(moved.contactId).toBe(pair.keep);
    expect(moved.messages.map((m) => m.authorContactId)).toEqual([pair.keep]);
    const activity = await prisma.ticketActivity.findFirstOrThrow({
      where: { ticketId: moved.id, action: "contact_merged" },
    });
    expect(activity).toMatchObject({ via: "mcp", actorUserId: ws.users.agent, credentialName: "Agent's client" });
    expect(activity.changes).toMatchObject({ contact: { from: "Sam R.", to: "Sam Rivera" } });
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { workspaceId: ws.workspace.id, action: "contact.merge" },
    });
    expect(audit.details).toMatchObject({ kept_contact_id: pair.keep, merged_contact_id: pair.dup, moved_tickets: 1 });

    const contact = await call(agent, "get_contact", { contact_id: pair.keep });
    expect(contact.emails).toEqual(["sam@work.example", "sam.home@mail.example"]);
    expect(contact.ticket_count).toBe(2);
  });

  it("finds the merged contact by either address: new tickets, upserts, contact and ticket search", async () => {
    const pair = await duplicatePair("lee");
    await call(agent, "merge_contacts", { keep_contact_id: pair.keep, merge_contact_id: pair.dup });
    const ticket = await call(agent, "create_ticket", {
      subject: "Third mail from home",
      body: "Writing from my home address again.",
      contact_email: "lee.home@mail.example",
    });
    expect(ticket.contact.id).toBe(pair.keep);
    const upsert = await call(agent, "upsert_contact", { email: "LEE.HOME@mail.example", phone: "+1 555 0142" });
    expect(upsert).toMatchObject({ id: pair.keep, created: false, phone: "+1 555 0142" });
    for (const q of ["lee.home@mail.example", "lee@work.example"]) {
      const found = await call(agent, "search_contacts", { q });
      expect(
        found.items.map((c: { id: string }) => c.id),
        q,
      ).toEqual([pair.keep]);
    }
    const tickets = await call(agent, "search_tickets", { q: "lee.home@mail.example" });
    expect(tickets.items.map((t: { number: number }) => t.number).sort((a: number, b: number) => a - b)).toEqual(
      [pair.keptTicket, pair.movedTicket, ticket.ticket].sort((a, b) => a - b),
    );
    const everything = await call(agent, "search_everything", { q: "lee.home@mail.example", groups: ["contacts"] });
    expect(everything.groups.contacts.items.map((c: { id: string }) => c.id)).toEqual([pair.keep]);
  });

  it("a kept contact's further address becomes its main email on update, the old one kept", async () => {
    const pair = await duplicatePair("kim");
    await call(agent, "merge_contacts", { keep_contact_id: pair.keep, merge_contact_id: pair.dup });
    const updated = await call(agent, "update_contact", { contact_id: pair.keep, email: "kim.home@mail.example" });
    expect(updated.email).toBe("kim.home@mail.example");
    const contact = await call(agent, "get_contact", { contact_id: pair.keep });
    expect(contact.emails).toEqual(["kim.home@mail.example", "kim@work.example"]);
  });

  it("refuses the same contact twice, an unknown or foreign contact, and a read-only key", async () => {
    const pair = await duplicatePair("pat");
    const same = await call(agent, "merge_contacts", { keep_contact_id: pair.keep, merge_contact_id: pair.keep });
    expect(same).toMatchObject({ error: "validation_error", fields: { merge_contact_id: [expect.any(String)] } });
    const missing = await call(agent, "merge_contacts", { keep_contact_id: pair.keep });
    expect(missing).toMatchObject({ error: "validation_error", fields: { merge_contact_id: [expect.any(String)] } });
    const foreign = await call(agent, "merge_contacts", {
      keep_contact_id: pair.keep,
      merge_contact_id: other.tickets[0]!.contact.id,
    });
    expect(foreign.error).toBe("not_found");
    expect(
      (await call(outsider, "merge_contacts", { keep_contact_id: pair.keep, merge_contact_id: pair.dup })).error,
    ).toBe("not_found");
    expect(
      (await call(reader, "merge_contacts", { keep_contact_id: pair.keep, merge_contact_id: pair.dup })).error,
    ).toBe("insufficient_scope");
    // Nothing moved.
    expect(await prisma.contact.count({ where: { id: { in: [pair.keep, pair.dup] } } })).toBe(2);
    expect(await prisma.contact.count({ where: { id: other.tickets[0]!.contact.id } })).toBe(1);
  });

  it("two merges of the same pair at once: one merges, the other finds the duplicate gone", async () => {
    const pair = await duplicatePair("max");
    const args = { keep_contact_id: pair.keep, merge_contact_id: pair.dup };
    const results = await Promise.all([call(agent, "merge_contacts", args), call(agent, "merge_contacts", args)]);
    expect(results.map((r) => r.error ?? "merged").sort()).toEqual(["merged", "not_found"]);
    const moved = await prisma.ticketActivity.count({
      where: {
        workspaceId: ws.workspace.id,
        action: "contact_merged",
        changes: { path: ["to_contact_id"], equals: pair.keep },
      },
    });
    expect(moved).toBe(1);
  });

  it("is advertised as destructive", async () => {
    const { tools } = await agent.listTools();
    expect(tools.find((t) => t.name === "merge_contacts")?.annotations).toMatchObject({
      destructiveHint: true,
      readOnlyHint: false,
    });
  });
});

describe("companies", () => {
  it("create_company groups the contacts already at its domains, and get_contact names it", async () => {
    const t = await createTicket(ws.owner, {
      subject: "Globex SSO",
      body: "SSO fails for our team.",
      contact_email: "hank@globex.example",
    });
    const created = await call(agent, "create_company", { name: "Globex", domains: "@GLOBEX.example, globex.io" });
    expect(created).toMatchObject({ name: "Globex", domains: ["globex.example", "globex.io"] });
    const company = await call(agent, "get_company", { company_id: created.id });
    expect(company).toMatchObject({ contact_count: 1, ticket_count: 1 });
    expect(company.contacts.map((c: { email: string }) => c.email)).toEqual(["hank@globex.example"]);
    expect(company.recent_tickets[0]).toMatchObject({ number: t.ticket, subject: "Globex SSO" });
    const contact = await call(agent, "get_contact", { contact_id: t.contact.id });
    expect(contact.matched_company).toEqual({ id: created.id, name: "Globex" });
    // A contact created later at the domain joins without anyone linking it.
    await call(agent, "upsert_contact", { email: "marge@globex.io" });
    expect((await call(agent, "get_company", { company_id: created.id })).contact_count).toBe(2);
  });

  it("list_companies pages alphabetically and filters by name or domain", async () => {
    for (const name of ["Initech", "Hooli", "Umbrella"]) {
      await call(agent, "create_company", { name, domains: [`${name.toLowerCase()}.example`] });
    }
    const first = await call(agent, "list_companies", { limit: 2 });
    expect(first.items.map((c: { name: string }) => c.name)).toEqual(["Globex", "Hooli"]);
    const second = await call(agent, "list_companies", { limit: 2, cursor: first.next_cursor });
    expect(second.items.map((c: { name: string }) => c.name)).toEqual(["Initech", "Umbrella"]);
    expect(second.has_more).toBe(false);
    expect((await call(agent, "list_companies", { q: "umbrella.example" })).items).toHaveLength(1);
    expect((await call(reader, "list_companies", { q: "hoo" })).items[0].name).toBe("Hooli");
    const bad = await call(agent, "list_companies", { cursor: "not-a-cursor" });
    expect(bad).toMatchObject({ error: "validation_error", fields: { cursor: [expect.any(String)] } });
  });

  it("update_company renames and replaces domains; a taken name or domain is a conflict on its field", async () => {
    const { id } = await call(agent, "create_company", { name: "Stark", domains: ["stark.example"] });
    const updated = await call(agent, "update_company", {
      company_id: id,
      name: "Stark Industries",
      domains: ["stark.example", "starkindustries.example"],
    });
    expect(updated).toMatchObject({ name: "Stark Industries", domains: ["stark.example", "starkindustries.example"] });
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { workspaceId: ws.workspace.id, action: "company.update" },
    });
    expect(audit.details).toMatchObject({ company_id: id, name: { from: "Stark", to: "Stark Industries" } });
    expect(await call(agent, "update_company", { company_id: id, name: "hooli" })).toMatchObject({
      error: "conflict",
      fields: { name: [expect.any(String)] },
    });
    expect(await call(agent, "update_company", { company_id: id, domains: ["globex.io"] })).toMatchObject({
      error: "conflict",
      fields: { domains: [expect.stringContaining("Globex")] },
    });
    expect(await call(agent, "create_company", { name: "Nameless", domains: ["not a domain"] })).toMatchObject({
      error: "validation_error",
      fields: { "domains.0": [expect.stringContaining("not a domain")] },
    });
    expect(await call(agent, "create_company", { domains: [] })).toMatchObject({
      error: "validation_error",
      fields: { name: [expect.any(String)] },
    });
    expect(await call(reader, "create_company", { name: "Read only" })).toMatchObject({
      error: "insufficient_scope",
    });
  });

  it("stays inside its workspace", async () => {
    const { id } = await call(agent, "create_company", { name: "Secret Labs", domains: ["secretlabs.example"] });
    expect((await call(outsider, "get_company", { company_id: id })).error).toBe("not_found");
    expect((await call(outsider, "update_company", { company_id: id, name: "Mine" })).error).toBe("not_found");
    expect((await call(outsider, "list_companies", {})).items).toEqual([]);
    // The same domain is free in another workspace.
    const theirs = await call(outsider, "create_company", { name: "Secret Labs", domains: ["secretlabs.example"] });
    expect(theirs.domains).toEqual(["secretlabs.example"]);
    expect((await call(agent, "get_company", { company_id: id })).name).toBe("Secret Labs");
  });
});
