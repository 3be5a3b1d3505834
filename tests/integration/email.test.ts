// Email in and out. In: real SMTP conversations with nodemailer against the app's own receiver (new ticket,
// reply threading by reply address and by In-Reply-To, CC followers, automated and bulk mail
// ignored, spam flagged, oversize mail refused with 552, the same Message-ID once), and Mailgun's
// inbound route with a good signature, a forged one and a stale one. Out: an agent's reply on an
// email ticket queued to the contact and followers with the thread's headers (a note never), sent
// by our sender to an smtp-server sink on loopback, the CSAT request on resolve, the channel
// setting and the email tools over MCP. The app runs as its production build with the receiver on
// a port of its own.
import { createHmac, generateKeyPairSync, randomBytes } from "node:crypto";
import { simpleParser, type ParsedMail } from "mailparser";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { freePort, startAppServer } from "../support/app-server.mjs";
import { connectMcp, callTool, callToolOk } from "../support/mcp-client";
import { prisma } from "@/lib/db";
import { inboundAddressOf, replyAddressOf } from "@/lib/mail/addresses";
import { sendRecordedMail } from "@/lib/mail/send";
import { createPersonalToken } from "@/lib/services/credentials/create-personal-token";
import { updateEmailChannel } from "@/lib/services/email/update-email-channel";
import { addInternalNote } from "@/lib/services/tickets/add-internal-note";
import { countTickets } from "@/lib/services/tickets/count-tickets";
import { listTickets } from "@/lib/services/tickets/list-tickets";
import { replyToTicket } from "@/lib/services/tickets/reply-to-ticket";
import { resolveTicket } from "@/lib/services/tickets/resolve-ticket";
import { until } from "../support/until";

// The test signs reply addresses as the app does: both read the same AUTH_SECRET.
const AUTH_SECRET = randomBytes(32).toString("base64url");
const MAILGUN_KEY = `key-${randomBytes(12).toString("hex")}`;
const MAX_BYTES = 200_000;
process.env.AUTH_SECRET = AUTH_SECRET;

// The sink our sender talks to: an smtp-server on loopback keeping what it receives.
const received: { envelope: string[]; mail: ParsedMail }[] = [];
const sink = new SMTPServer({
  authOptional: true,
  disabledCommands: ["AUTH", "STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream).then(
      (mail) => {
        received.push({ envelope: session.envelope.rcptTo.map((r) => r.address), mail });
        callback();
      },
      (error: Error) => callback(error),
    );
  },
});
const sinkPort = await freePort();
await new Promise<void>((resolve) => sink.listen(sinkPort, "127.0.0.1", resolve));
// This process sends through the sink (the app's workers keep their own settings), DKIM-signed.
process.env.SMTP_URL = `smtp://127.0.0.1:${sinkPort}`;
process.env.DKIM_PRIVATE_KEY = generateKeyPairSync("rsa", { modulusLength: 2048 })
  .privateKey.export({ type: "pkcs8", format: "pem" })
  .toString();
process.env.DKIM_SELECTOR = "desk2026";
process.env.DKIM_DOMAIN = "mail.deskbridge.example";

let app: Awaited<ReturnType<typeof startAppServer>>;
let smtpPort: number;
let ws: TestWorkspace;
let customer: string;

type Mail = nodemailer.SendMailOptions;

/** Sends one mail to the receiver as an MTA would, returning the server's answer. */
async function send(mail: Mail, envelopeTo?: string[]) {
  const transport = nodemailer.createTransport({ host: "127.0.0.1", port: smtpPort, secure: false, ignoreTLS: true });
  try {
    return await transport.sendMail({
      from: `"Dana Customer" <${customer}>`,
      ...mail,
      ...(envelopeTo ? { envelope: { from: customer, to: envelopeTo } } : {}),
    });
  } finally {
    transport.close();
  }
}

const messageId = (label: string) => `<${label}.${randomBytes(6).toString("hex")}@customer.example>`;

async function ticketBySubject(subject: string) {
  return prisma.ticket.findFirst({
    where: { workspaceId: ws.workspace.id, subject },
    select: {
      id: true,
      number: true,
      status: true,
      channel: true,
      spam: true,
      contact: { select: { email: true, name: true } },
      messages: { orderBy: { createdAt: "asc" }, select: { body: true, authorType: true } },
      followers: { select: { email: true } },
    },
  });
}

beforeAll(async () => {
  ws = await createTestWorkspace("email");
  customer = `dana.${ws.slug}@customer.example`;
  smtpPort = await freePort();
  app = await startAppServer({
    databaseUrl: inject("databaseUrl"),
    env: {
      AUTH_SECRET,
      DATABASE_POOL_MAX: "4",
      INBOUND_SMTP_PORT: String(smtpPort),
      INBOUND_MAX_BYTES: String(MAX_BYTES),
      MAILGUN_WEBHOOK_SIGNING_KEY: MAILGUN_KEY,
    },
  });
  // The receiver starts beside the workers, just after the server answers.
  for (let i = 0; i < 100; i++) {
    if (app.output().includes("inbound SMTP receiver on")) break;
    await new Promise((r) => setTimeout(r, 100));
  }
});

afterAll(async () => {
  await app?.stop();
  await new Promise<void>((resolve) => sink.close(() => resolve()));
});

describe("mail to a workspace's inbound address", () => {
  it("opens an email ticket with its contact, the body trimmed and the mail kept", async () => {
    const subject = `Cannot log in ${randomBytes(3).toString("hex")}`;
    const id = messageId("new");
    const info = await send({
      to: inboundAddressOf(ws.slug),
      subject,
      messageId: id,
      text: "The login page says my password is wrong.\n\n-- \nDana\nCustomer Corp",
    });
    expect(info.response).toMatch(/^250 .*created/);
    const ticket = await ticketBySubject(subject);
    expect(ticket).toMatchObject({
      channel: "email",
      status: "open",
      spam: false,
      contact: { email: customer, name: "Dana Customer" },
      messages: [{ body: "The login page says my password is wrong.", authorType: "contact" }],
    });
    const mail = await prisma.emailMessage.findFirstOrThrow({
      where: { ticketId: ticket!.id },
      select: { direction: true, rfcMessageId: true, text: true, raw: true },
    });
    expect(mail.direction).toBe("inbound");
    expect(mail.rfcMessageId).toBe(id.slice(1, -1));
    expect(mail.text).toContain("Customer Corp");
    expect(mail.raw).toContain(`Subject: ${subject}`);
  });

  it("keeps the mail's files as attachments of its message, typed from their bytes", async () => {
    const subject = `Screenshot of the error ${randomBytes(3).toString("hex")}`;
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
      "base64",
    );
    const info = await send({
      to: inboundAddressOf(ws.slug),
      subject,
      text: "See the attached screenshot and log.",
      attachments: [
        { filename: "screen.png", content: png, contentType: "application/octet-stream" },
        { filename: "app.log", content: "ERROR 42 at checkout\n", contentType: "text/plain" },
      ],
    });
    expect(info.response).toMatch(/^250 /);
    const ticket = await ticketBySubject(subject);
    const files = await prisma.attachment.findMany({
      where: { ticketId: ticket!.id },
      orderBy: { filename: "asc" },
      select: { filename: true, contentType: true, size: true, messageId: true, uploaderContactId: true },
    });
    expect(files.map((f) => [f.filename, f.contentType])).toEqual([
      ["app.log", expect.stringMatching(/^text\/plain/)],
      ["screen.png", "image/png"],
    ]);
    const message = await prisma.message.findFirstOrThrow({
      where: { ticketId: ticket!.id },
      select: { id: true, authorContactId: true },
    });
    expect(files.every((f) => f.messageId === message.id && f.uploaderContactId === message.authorContactId)).toBe(
      true,
    );
  });

  it("makes CC'd addresses followers of the new ticket", async () => {
    const subject = `Invoice question ${randomBytes(3).toString("hex")}`;
    await send({
      to: inboundAddressOf(ws.slug),
      cc: ["Finance <finance@customer.example>", "boss@customer.example", inboundAddressOf(ws.slug)],
      subject,
      text: "Who do we pay?",
    });
    const ticket = await ticketBySubject(subject);
    expect(ticket!.followers.map((f) => f.email).sort()).toEqual(["boss@customer.example", "finance@customer.example"]);
  });

  it("refuses an address no workspace has", async () => {
    await expect(
      send({ to: `no-such-workspace@${inboundAddressOf("x").split("@")[1]}`, subject: "Hi", text: "?" }),
    ).rejects.toMatchObject({ responseCode: 550 });
  });

  it("refuses mail over the size limit with 552, saying the limit", async () => {
    const error = await send({
      to: inboundAddressOf(ws.slug),
      subject: "Huge",
      text: "x".repeat(MAX_BYTES + 10_000),
    }).catch((e: unknown) => e as { responseCode?: number; response?: string });
    expect(error).toMatchObject({ responseCode: 552 });
    expect((error as { response: string }).response).toContain(String(MAX_BYTES));
  });

  it("takes the same Message-ID once", async () => {
    const subject = `Twice ${randomBytes(3).toString("hex")}`;
    const id = messageId("twice");
    const first = await send({ to: inboundAddressOf(ws.slug), subject, messageId: id, text: "Hello?" });
    const second = await send({ to: inboundAddressOf(ws.slug), subject, messageId: id, text: "Hello?" });
    expect(first.response).toMatch(/created/);
    expect(second.response).toMatch(/duplicate/);
    expect(await prisma.ticket.count({ where: { workspaceId: ws.workspace.id, subject } })).toBe(1);
  });

  it("puts mail the MTA judged spam in the spam view, not the inbox", async () => {
    const subject = `You won ${randomBytes(3).toString("hex")}`;
    await send({
      to: inboundAddressOf(ws.slug),
      subject,
      text: "Claim your prize",
      headers: { "X-Spam-Flag": "YES", "X-Spam-Status": "Yes, score=12.0 required=5.0" },
    });
    expect((await ticketBySubject(subject))!.spam).toBe(true);
    // Not in the inbox list or its count; in the Spam view.
    const inbox = await listTickets(ws.agent, { q: subject });
    const spamView = await listTickets(ws.agent, { q: subject, spam: "only" });
    expect(inbox.items).toEqual([]);
    expect(spamView.items.map((t) => t.subject)).toEqual([subject]);
    const all = await countTickets(ws.agent, {});
    const withSpam = await countTickets(ws.agent, { spam: "include" });
    const spamOnly = await countTickets(ws.agent, { spam: "only" });
    expect(spamOnly.count).toBe(1);
    expect(all.count).toBe(withSpam.count - 1);
  });

  it("opens no ticket for automated or bulk mail", async () => {
    const auto = `Out of office ${randomBytes(3).toString("hex")}`;
    const bulk = `Newsletter ${randomBytes(3).toString("hex")}`;
    const a = await send({
      to: inboundAddressOf(ws.slug),
      subject: auto,
      text: "Away",
      headers: { "Auto-Submitted": "auto-replied" },
    });
    const b = await send({
      to: inboundAddressOf(ws.slug),
      subject: bulk,
      text: "News",
      headers: { Precedence: "bulk" },
    });
    expect(a.response).toMatch(/ignored/);
    expect(b.response).toMatch(/ignored/);
    expect(await ticketBySubject(auto)).toBeNull();
    expect(await ticketBySubject(bulk)).toBeNull();
  });
});

describe("replies", () => {
  async function openTicket(label: string) {
    const subject = `${label} ${randomBytes(3).toString("hex")}`;
    const id = messageId(label.toLowerCase().replace(/\W+/g, "-"));
    await send({ to: inboundAddressOf(ws.slug), subject, messageId: id, text: "First mail" });
    const ticket = (await ticketBySubject(subject))!;
    // The agent answers, so the ticket waits on the customer.
    await replyToTicket(ws.agent, { ticket: ticket.number, body: "Could you send a screenshot?" });
    return { subject, id, ticket };
  }

  it("thread into their ticket by the reply address, quotes trimmed, and reopen it", async () => {
    const { subject, ticket } = await openTicket("Token thread");
    expect((await ticketBySubject(subject))!.status).toBe("pending");
    const info = await send({
      to: replyAddressOf(ticket.id),
      subject: `Re: ${subject}`,
      text: "Here it is.\n\nOn Tue, 1 Dec 2026, Support wrote:\n> Could you send a screenshot?\n",
    });
    expect(info.response).toMatch(new RegExp(`threaded \\(ticket #${ticket.number}\\)`));
    const after = (await ticketBySubject(subject))!;
    expect(after.status).toBe("open");
    expect(after.messages.at(-1)).toEqual({ body: "Here it is.", authorType: "contact" });
  });

  it("thread by In-Reply-To when sent to the inbound address", async () => {
    const { subject, id } = await openTicket("Header thread");
    await send({
      to: inboundAddressOf(ws.slug),
      subject: `Re: ${subject}`,
      inReplyTo: id,
      references: [id],
      text: "One more detail.",
    });
    const after = (await ticketBySubject(subject))!;
    expect(after.messages.map((m) => m.body)).toEqual([
      "First mail",
      "Could you send a screenshot?",
      "One more detail.",
    ]);
    expect(await prisma.ticket.count({ where: { workspaceId: ws.workspace.id, subject: `Re: ${subject}` } })).toBe(0);
  });

  it("from an auto-responder never reopen the ticket", async () => {
    const { subject, ticket } = await openTicket("Auto reply");
    await resolveTicket(ws.agent, { ticket: ticket.number });
    await send({
      to: replyAddressOf(ticket.id),
      subject: `Automatic reply: ${subject}`,
      text: "I am away until Monday.",
      headers: { "Auto-Submitted": "auto-replied", "X-Autoreply": "yes" },
    });
    const after = (await ticketBySubject(subject))!;
    expect(after.status).toBe("resolved");
    expect(after.messages.at(-1)!.body).toBe("I am away until Monday.");
  });

  it("to a forged reply address are refused", async () => {
    const { ticket } = await openTicket("Forged");
    const forged = replyAddressOf(ticket.id).replace(/-[0-9a-f]{24}@/, `-${"0".repeat(24)}@`);
    await expect(send({ to: forged, subject: "Re: hi", text: "x" })).rejects.toMatchObject({ responseCode: 550 });
  });
});

describe("Mailgun inbound route", () => {
  function signed(
    fields: Record<string, string>,
    { key = MAILGUN_KEY, timestamp = Math.floor(Date.now() / 1000) } = {},
  ) {
    const token = randomBytes(25).toString("hex");
    const signature = createHmac("sha256", key).update(`${timestamp}${token}`).digest("hex");
    const form = new FormData();
    for (const [name, value] of Object.entries({ ...fields, timestamp: String(timestamp), token, signature }))
      form.append(name, value);
    return form;
  }
  const post = (form: FormData) => fetch(`${app.baseUrl}/api/v1/inbound/mailgun`, { method: "POST", body: form });

  function fields(subject: string) {
    return {
      recipient: inboundAddressOf(ws.slug),
      sender: customer,
      from: `Dana Customer <${customer}>`,
      subject,
      "body-plain": "Sent through Mailgun.",
      "message-headers": JSON.stringify([
        ["Message-Id", messageId("mailgun")],
        ["Cc", "teammate@customer.example"],
      ]),
    };
  }

  it("opens a ticket for a correctly signed post", async () => {
    const subject = `Via Mailgun ${randomBytes(3).toString("hex")}`;
    const res = await post(signed(fields(subject)));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ outcome: "created" });
    const ticket = (await ticketBySubject(subject))!;
    expect(ticket.messages[0]!.body).toBe("Sent through Mailgun.");
    expect(ticket.followers).toEqual([{ email: "teammate@customer.example" }]);
  });

  it("refuses a forged signature and a stale timestamp", async () => {
    const forged = `Forged ${randomBytes(3).toString("hex")}`;
    const stale = `Stale ${randomBytes(3).toString("hex")}`;
    const bad = await post(signed(fields(forged), { key: "key-someone-else" }));
    expect(bad.status).toBe(406);
    expect(await bad.json()).toMatchObject({ error: "invalid_signature" });
    const old = await post(signed(fields(stale), { timestamp: Math.floor(Date.now() / 1000) - 3600 }));
    expect(old.status).toBe(406);
    expect((await old.json()).message).toMatch(/replay window/);
    expect(await ticketBySubject(forged)).toBeNull();
    expect(await ticketBySubject(stale)).toBeNull();
  });
});

describe("replies by email", () => {
  const mailsOf = (ticketId: string, purpose: string) =>
    prisma.mailMessage.findMany({
      where: { ticketId, purpose },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        fromAddress: true,
        to: true,
        cc: true,
        subject: true,
        text: true,
        html: true,
        headers: true,
        messageId: true,
        status: true,
      },
    });

  it("go to the contact and the followers with the thread's headers; a note never leaves", async () => {
    const subject = `Printer jam ${randomBytes(3).toString("hex")}`;
    const first = messageId("printer");
    await send({
      to: inboundAddressOf(ws.slug),
      cc: "colleague@customer.example",
      subject,
      messageId: first,
      text: "It jams.",
    });
    const ticket = (await ticketBySubject(subject))!;
    await addInternalNote(ws.agent, { ticket: ticket.number, body: "Secret: customer is on the old firmware" });
    await replyToTicket(ws.agent, {
      ticket: ticket.number,
      body: "Please update the firmware.\n\nSee https://example.com/fw <b>now</b>",
    });

    const [mail] = await until("the reply's mail", async () => {
      const rows = await mailsOf(ticket.id, "reply");
      return rows.length && rows[0]!.status === "sent" ? rows : null;
    });
    expect(mail!.to).toEqual([customer]);
    expect(mail!.cc).toEqual(["colleague@customer.example"]);
    expect(mail!.fromAddress).toBe(`"${ws.workspace.name}" <${inboundAddressOf(ws.slug)}>`);
    expect(mail!.subject).toBe(`Re: ${subject}`);
    expect(mail!.html).toContain("&lt;b&gt;now&lt;/b&gt;");
    const headers = mail!.headers as Record<string, string>;
    expect(headers["In-Reply-To"]).toBe(first);
    expect(headers.References).toBe(first);
    expect(headers["Reply-To"]).toMatch(/^support\+[a-z0-9]+-[0-9a-f]{24}@inbound\.deskbridge\.localhost$/);

    // The note's event has been handled too, and nothing was mailed for it.
    await until("the note's event dispatched", () =>
      prisma.domainEvent.findFirst({
        where: {
          ticketId: ticket.id,
          type: "message.created",
          dispatchedAt: { not: null },
          data: { path: ["kind"], equals: "note" },
        },
      }),
    );
    const everything = await prisma.mailMessage.findMany({ where: { ticketId: ticket.id }, select: { text: true } });
    expect(everything.map((m) => m.text).join("\n")).not.toContain("Secret");

    // Our sender delivers that very mail to an SMTP server: the sink sees the threading headers.
    await prisma.mailMessage.update({ where: { id: mail!.id }, data: { status: "queued" } });
    await sendRecordedMail(mail!.id, { final: true });
    const got = await until("the sink's copy", async () =>
      received.find((r) => r.mail.messageId === `<${mail!.messageId}>`),
    );
    expect(got.envelope.sort()).toEqual([customer, "colleague@customer.example"].sort());
    expect(got.mail.from?.text).toBe(`"${ws.workspace.name}" <${inboundAddressOf(ws.slug)}>`);
    expect(got.mail.replyTo?.value[0]?.address).toBe(headers["Reply-To"]);
    expect(got.mail.inReplyTo).toBe(first);
    expect(got.mail.references).toBe(first);
    expect(got.mail.text).toContain("Please update the firmware.");
    expect(got.mail.html).toContain('<a href="https://example.com/fw">');
    const dkim = got.mail.headerLines.find((h) => h.key === "dkim-signature")?.line ?? "";
    expect(dkim).toMatch(/\bd=mail\.deskbridge\.example;/);
    expect(dkim).toMatch(/\bs=desk2026;/);

    // The customer's answer to that mail threads back by its Message-ID.
    await send({
      to: inboundAddressOf(ws.slug),
      subject: `Re: ${subject}`,
      inReplyTo: `<${mail!.messageId}>`,
      text: "Updated, works now.",
    });
    expect((await ticketBySubject(subject))!.messages.at(-1)!.body).toBe("Updated, works now.");
  });

  it("come from the workspace's sender setting, and the rating request follows the resolve", async () => {
    await updateEmailChannel(ws.admin, { sender_name: "Acme Support", sender_address: `help@${ws.slug}.example` });
    const subject = `Sender check ${randomBytes(3).toString("hex")}`;
    await send({ to: inboundAddressOf(ws.slug), subject, text: "Hello" });
    const ticket = (await ticketBySubject(subject))!;
    await replyToTicket(ws.agent, { ticket: ticket.number, body: "Hi there" });
    await resolveTicket(ws.agent, { ticket: ticket.number });
    const [reply] = await until("the reply", async () => {
      const r = await mailsOf(ticket.id, "reply");
      return r.length ? r : null;
    });
    expect(reply!.fromAddress).toBe(`"Acme Support" <help@${ws.slug}.example>`);
    expect(reply!.messageId).toMatch(new RegExp(`@${ws.slug}\\.example$`));
    const [csat] = await until("the rating request", async () => {
      const r = await mailsOf(ticket.id, "csat_request");
      return r.length ? r : null;
    });
    expect(csat!.to).toEqual([customer]);
    expect(csat!.text).toMatch(/\/rate\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/);
    expect((csat!.headers as Record<string, string>)["Auto-Submitted"]).toBe("auto-generated");
    await updateEmailChannel(ws.admin, { sender_name: "", sender_address: "" });
  });

  it("are not mailed, and mail is refused, while the channel is off", async () => {
    const other = await createTestWorkspace("email-off");
    await updateEmailChannel(other.admin, { enabled: false });
    await expect(send({ to: inboundAddressOf(other.slug), subject: "Anyone?", text: "?" })).rejects.toMatchObject({
      responseCode: 550,
    });
  });
});

describe("email tools over MCP", () => {
  let agent: Client;
  let admin: Client;
  beforeAll(async () => {
    agent = await connectMcp((await createPersonalToken(ws.agent, { name: "Email agent" })).secret);
    admin = await connectMcp((await createPersonalToken(ws.admin, { name: "Email admin" })).secret);
  });
  afterAll(async () => {
    await Promise.all([agent?.close(), admin?.close()]);
  });

  it("list a ticket's thread with its headers and read one mail", async () => {
    const subject = `Tools ${randomBytes(3).toString("hex")}`;
    const id = messageId("tools");
    await send({
      to: inboundAddressOf(ws.slug),
      cc: "cc.person@customer.example",
      subject,
      messageId: id,
      text: "Body text\n\n-- \nsig",
    });
    const ticket = (await ticketBySubject(subject))!;
    const page = (await callToolOk(agent, "list_email_threads", { ticket: ticket.number })) as {
      items: Record<string, unknown>[];
    };
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      ticket: ticket.number,
      direction: "inbound",
      from: `Dana Customer <${customer}>`,
      to: [inboundAddressOf(ws.slug)],
      cc: ["cc.person@customer.example"],
      subject,
      message_id: id.slice(1, -1),
      in_reply_to: null,
    });
    const one = (await callToolOk(agent, "get_email_message", { id: page.items[0]!.id })) as Record<string, unknown>;
    expect(one.text).toContain("sig");
    const recent = (await callToolOk(agent, "list_email_threads", { limit: 5 })) as { items: { subject: string }[] };
    expect(recent.items.map((m) => m.subject)).toContain(subject);
  });

  it("read the channel, and let admins alone change it", async () => {
    const channel = (await callToolOk(agent, "get_email_channel", {})) as Record<string, unknown>;
    expect(channel).toMatchObject({ enabled: true, inbound_address: inboundAddressOf(ws.slug) });
    const refused = await callTool(agent, "update_email_channel", { sender_name: "Nope" });
    expect(refused).toMatchObject({ isError: true, body: { error: "admin_required" } });
    const changed = (await callToolOk(admin, "update_email_channel", { sender_name: "Helpdesk" })) as Record<
      string,
      unknown
    >;
    expect(changed).toMatchObject({ sender_name: "Helpdesk", changed: true, from: { name: "Helpdesk" } });
    const bad = await callTool(admin, "update_email_channel", { sender_address: "not an address" });
    expect(bad).toMatchObject({ isError: true, body: { error: "validation_error" } });
    await callToolOk(admin, "update_email_channel", { sender_name: "" });
  });
});
