// Webhooks through the real HTTP route with the official MCP SDK client and a real receiver on the
// loopback: a ticket created with create_ticket arrives signed per the Standard Webhooks spec (checked
// here with node:crypto, independently of the app's code) and is logged; a rotation signs with both
// secrets; a failing receiver is retried, then turned off and its admins emailed; a delivery is sent
// again. The suite's servers allow private targets (as the embedded dev default does); a second
// server without that setting refuses loopback, private and metadata addresses when an endpoint is
// created, and the delivery service refuses them at send time under the same setting.
import { createHmac, randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer } from "../support/app-server.mjs";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { callTool as call, callToolOk as ok, connectMcp } from "../support/mcp-client";
import { prisma } from "@/lib/db";
import { encryptSecret } from "@/lib/credentials/encryption";
import { createPersonalToken } from "@/lib/services/credentials/create-personal-token";
import { deliverWebhook } from "@/lib/services/webhooks/deliver-webhook";

// The in-process half (the delivery service under the default, guarded setting) seals secrets with a
// key of its own; it reads the environment on first use, after this line.
process.env.SECRET_ENCRYPTION_KEY ??= randomBytes(32).toString("base64url");

type Received = { path: string; headers: IncomingHttpHeaders; body: string };

let receiver: Server;
let receiverUrl: string;
const received: Received[] = [];

let ws: TestWorkspace;
let admin: Client;
let agent: Client;
let guarded: Awaited<ReturnType<typeof startAppServer>>;
let guardedAdmin: Client;
const clients: Client[] = [];

/** Waits until `check` returns a value (not undefined / false), polling; fails with `what` after 45 s. */
async function eventually<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false) {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The Standard Webhooks signature, computed here from the spec. */
function expectedSignature(secret: string, id: string, timestamp: string, body: string) {
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
}

function requestsTo(path: string, type?: string) {
  return received.filter((r) => r.path === path && (!type || JSON.parse(r.body).type === type));
}

async function newTicket(subject: string) {
  return (await ok(admin, "create_ticket", {
    subject,
    body: "Hello, something broke.",
    contact_email: `hooks-${randomBytes(3).toString("hex")}@example.com`,
  })) as { ticket: number };
}

async function connectTo(baseUrl: string, token: string) {
  const client = new Client({ name: "deskbridge-tests", version: "1.0.0" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`${baseUrl}/api/v1/mcp`), {
      requestInit: { headers: { Authorization: `Bearer ${token}` } },
    }),
  );
  return client;
}

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const path = req.url ?? "/";
      received.push({ path, headers: req.headers, body });
      if (path.startsWith("/fail")) return res.writeHead(500).end("receiver is down");
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

  ws = await createTestWorkspace("hooks");
  admin = await connectMcp((await createPersonalToken(ws.admin, { name: "Admin client" })).secret);
  agent = await connectMcp((await createPersonalToken(ws.agent, { name: "Agent client" })).secret);
  clients.push(admin, agent);

  guarded = await startAppServer({
    databaseUrl: inject("databaseUrl"),
    env: { DATABASE_POOL_MAX: "2", JOB_WORKERS: "off", WEBHOOKS_ALLOW_PRIVATE_TARGETS: "off" },
  });
  guardedAdmin = await connectTo(
    guarded.baseUrl,
    (await createPersonalToken(ws.admin, { name: "Guarded admin client" })).secret,
  );
  clients.push(guardedAdmin);
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await guarded?.stop();
  receiver?.closeAllConnections();
  await new Promise((r) => receiver?.close(r));
});

describe("webhooks", () => {
  let okHook: { id: string; secret: string };
  let okTicket: number;

  it("creates an endpoint whose whsec_ secret is shown once and kept sealed", async () => {
    const created = await ok(admin, "create_webhook", {
      url: `${receiverUrl}/ok`,
      events: ["ticket.created", "ticket.status_changed"],
      description: "CRM sync",
    });
    expect(created).toMatchObject({ url: `${receiverUrl}/ok`, enabled: true, consecutive_failures: 0 });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    okHook = { id: created.id, secret: created.secret };

    const listed = await ok(admin, "list_webhooks", {});
    const row = listed.items.find((w: { id: string }) => w.id === okHook.id);
    expect(row).toMatchObject({ description: "CRM sync", events: ["ticket.created", "ticket.status_changed"] });
    expect(JSON.stringify(listed)).not.toContain(okHook.secret.slice(6));

    const stored = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: okHook.id } });
    expect(stored.secret.startsWith("v1.")).toBe(true);
    expect(stored.secret).not.toContain(okHook.secret.slice(6));

    // Agents see no webhooks: the endpoints send the workspace's data out.
    expect((await call(agent, "list_webhooks", {})).body.error).toBe("admin_required");
  });

  it("delivers a ticket created with create_ticket, signed, and logs the attempt", async () => {
    okTicket = (await newTicket("Webhook delivery check")).ticket;
    const request = await eventually("the signed ticket.created request", () =>
      requestsTo("/ok", "ticket.created").find((r) => JSON.parse(r.body).data.ticket?.number === okTicket),
    );
    const { headers, body } = request;
    const id = String(headers["webhook-id"]);
    const timestamp = String(headers["webhook-timestamp"]);
    expect(headers["content-type"]).toBe("application/json");
    expect(Math.abs(Date.now() / 1000 - Number(timestamp))).toBeLessThan(120);
    expect(headers["webhook-signature"]).toBe(expectedSignature(okHook.secret, id, timestamp, body));

    const payload = JSON.parse(body);
    expect(payload.type).toBe("ticket.created");
    expect(new Date(payload.timestamp).toString()).not.toBe("Invalid Date");
    expect(payload.data.ticket).toMatchObject({
      number: okTicket,
      subject: "Webhook delivery check",
      status: "open",
      priority: "normal",
      tags: [],
    });
    expect(payload.data.ticket.contact.email).toMatch(/^hooks-.*@example\.com$/);

    const log = await eventually("the logged delivery", async () => {
      const page = await ok(admin, "list_webhook_deliveries", { webhook: okHook.id });
      return page.items.find((d: { event_id: string }) => d.event_id === id);
    });
    expect(log).toMatchObject({
      event_type: "ticket.created",
      attempt: 1,
      success: true,
      response_status: 204,
      error: null,
    });
    expect(log.request.body).toBe(body);
    expect(log.request.headers["webhook-signature"]).toBe(headers["webhook-signature"]);
    expect(JSON.stringify(log)).not.toContain(okHook.secret.slice(6));
  });

  it("sends a status change as ticket.status_changed with from and to", async () => {
    await ok(admin, "resolve_ticket", { ticket: okTicket });
    const request = await eventually("the ticket.status_changed request", () =>
      requestsTo("/ok", "ticket.status_changed").find((r) => JSON.parse(r.body).data.ticket?.number === okTicket),
    );
    expect(JSON.parse(request.body).data).toMatchObject({ from: "open", to: "resolved" });
  });

  it("signs with the new and the previous secret during a rotation's overlap", async () => {
    const rotated = await ok(admin, "rotate_webhook_secret", { webhook: okHook.id, overlap_hours: 1 });
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(okHook.secret);
    expect(rotated.rotation_overlap_until).not.toBeNull();

    const number = (await newTicket("After rotation")).ticket;
    const { headers, body } = await eventually("a delivery after the rotation", () =>
      requestsTo("/ok", "ticket.created").find((r) => JSON.parse(r.body).data.ticket?.number === number),
    );
    const id = String(headers["webhook-id"]);
    const timestamp = String(headers["webhook-timestamp"]);
    expect(String(headers["webhook-signature"]).split(" ")).toEqual([
      expectedSignature(rotated.secret, id, timestamp, body),
      expectedSignature(okHook.secret, id, timestamp, body),
    ]);

    // Without an overlap the old secret stops signing at once.
    const replaced = await ok(admin, "rotate_webhook_secret", { webhook: okHook.id, overlap_hours: 0 });
    expect(replaced.rotation_overlap_until).toBeNull();
    okHook.secret = replaced.secret;
  });

  it("sends a delivery again with the same id and body as a new attempt", async () => {
    const page = await ok(admin, "list_webhook_deliveries", { webhook: okHook.id });
    const first = page.items.find((d: { event_type: string; attempt: number }) => d.attempt === 1)!;
    const before = received.filter((r) => r.headers["webhook-id"] === first.event_id).length;

    expect(await ok(admin, "redeliver_webhook", { delivery: first.id })).toMatchObject({
      queued: true,
      webhook: okHook.id,
      event_id: first.event_id,
    });
    const again = await eventually("the resent request", () => {
      const all = received.filter((r) => r.headers["webhook-id"] === first.event_id);
      return all.length > before ? all.at(-1) : undefined;
    });
    expect(again.body).toBe(first.request.body);
    expect(again.headers["webhook-signature"]).toBe(
      expectedSignature(okHook.secret, first.event_id, String(again.headers["webhook-timestamp"]), again.body),
    );
    const logged = await eventually("the resend's attempt row", async () => {
      const rows = (await ok(admin, "list_webhook_deliveries", { webhook: okHook.id })).items.filter(
        (d: { event_id: string }) => d.event_id === first.event_id,
      );
      return rows.length > 1 ? rows : undefined;
    });
    expect(logged.map((d: { attempt: number }) => d.attempt).sort()).toEqual([1, 2]);

    const audit = await prisma.auditEvent.findMany({
      where: { workspaceId: ws.workspace.id, action: { startsWith: "webhook." } },
      select: { action: true },
    });
    expect(new Set(audit.map((a) => a.action))).toEqual(
      new Set(["webhook.create", "webhook.rotate_secret", "webhook.redeliver"]),
    );
  });

  it("retries a failing receiver, then turns the endpoint off and emails the admins", async () => {
    const failing = await ok(admin, "create_webhook", { url: `${receiverUrl}/fail`, events: ["ticket.created"] });
    const number = (await newTicket("The receiver is down")).ticket;
    // The suite's servers retry after about a second and turn an endpoint off after 3 failures in a row.
    const attempts = await eventually("three attempts at the failing receiver", () => {
      const all = requestsTo("/fail").filter((r) => JSON.parse(r.body).data.ticket?.number === number);
      return all.length >= 3 ? all : undefined;
    });
    expect(new Set(attempts.map((r) => r.headers["webhook-id"])).size).toBe(1);

    const off = await eventually("the endpoint turned off", async () => {
      const hook = (await ok(admin, "list_webhooks", {})).items.find((w: { id: string }) => w.id === failing.id);
      return hook.enabled ? undefined : hook;
    });
    expect(off.disabled_reason).toMatch(/3 failed deliveries in a row/);
    expect(off.consecutive_failures).toBe(3);

    const log = (await ok(admin, "list_webhook_deliveries", { webhook: failing.id })).items;
    expect(log.map((d: { attempt: number }) => d.attempt)).toEqual([3, 2, 1]);
    for (const d of log) expect(d).toMatchObject({ success: false, response_status: 500 });
    expect(log[0].response_body).toBe("receiver is down");

    const mail = await eventually("the admins' email in the outbox", async () => {
      const rows = await prisma.mailMessage.findMany({
        where: { workspaceId: ws.workspace.id, subject: { contains: "Webhook turned off" } },
      });
      return rows.length ? rows : undefined;
    });
    expect(mail).toHaveLength(1);
    expect(JSON.stringify(mail[0])).toContain(ws.emails.admin);
    expect(JSON.stringify(mail[0])).toContain(ws.emails.owner);
    expect(JSON.stringify(mail[0])).not.toContain(ws.emails.agent);

    // Nothing more goes to it while it is off, and it cannot be resent until an admin turns it on.
    expect((await call(admin, "redeliver_webhook", { delivery: log[0].id })).body.error).toBe("conflict");
    const on = await ok(admin, "update_webhook", { webhook: failing.id, enabled: true });
    expect(on).toMatchObject({ enabled: true, consecutive_failures: 0, disabled_reason: null });
    await ok(admin, "delete_webhook", { webhook: failing.id });
  });

  it("an automation's send-webhook action delivers the event to an endpoint that does not subscribe to it", async () => {
    const hook = await ok(admin, "create_webhook", { url: `${receiverUrl}/rules`, events: ["csat.rated"] });
    const refused = await call(admin, "create_automation", {
      name: "Escalations to the pager",
      trigger: "ticket.created",
      conditions: [{ field: "subject_contains", value: "pager" }],
      actions: [{ type: "send_webhook", webhook: "not-a-webhook" }],
    });
    expect(refused.isError).toBe(true);
    expect(refused.body.fields["actions.0.webhook"]).toBeDefined();
    const rule = await ok(admin, "create_automation", {
      name: "Escalations to the pager",
      trigger: "ticket.created",
      conditions: [{ field: "subject_contains", value: "pager" }],
      actions: [{ type: "send_webhook", webhook: hook.id }],
    });
    const { ticket } = await newTicket("Wake the pager: checkout is down");
    const delivery = await eventually("the rule's delivery", () => requestsTo("/rules", "ticket.created")[0]);
    expect(JSON.parse(delivery.body).data).toMatchObject({ ticket: { number: ticket } });
    const id = delivery.headers["webhook-id"] as string;
    const timestamp = delivery.headers["webhook-timestamp"] as string;
    expect(delivery.headers["webhook-signature"]).toContain(
      expectedSignature(hook.secret, id, timestamp, delivery.body),
    );
    const runs = await ok(admin, "list_automation_runs", { automation: rule.id });
    expect(runs.items[0]).toMatchObject({ outcome: "ran", results: [expect.objectContaining({ result: "done" })] });
    await newTicket("An ordinary question");
    await new Promise((r) => setTimeout(r, 1_500));
    expect(requestsTo("/rules")).toHaveLength(1);
    await ok(admin, "delete_automation", { automation: rule.id });
  });

  it("refuses loopback, private and metadata addresses at creation when private targets are not allowed", async () => {
    for (const url of [
      `${receiverUrl}/ok`,
      "https://127.0.0.1/hook",
      "https://10.0.0.8/hook",
      "https://169.254.169.254/latest/meta-data/",
      "https://localhost/hook",
    ]) {
      const refused = await call(guardedAdmin, "create_webhook", { url, events: ["ticket.created"] });
      expect([url, refused.isError, refused.body.error]).toEqual([url, true, "validation_error"]);
      expect(refused.body.message).toMatch(/url: .*(not a public address|Only https)/);
    }
    // The same loopback URL is fine on a server that allows private targets.
    const allowed = await call(admin, "create_webhook", { url: `${receiverUrl}/ok`, events: ["csat.rated"] });
    expect(allowed.isError).toBe(false);
    await ok(admin, "delete_webhook", { webhook: allowed.body.id });
  });

  it("refuses them at delivery too, logging the refusal without a connection", async () => {
    // An endpoint stored before the setting changed (or whose name now resolves privately).
    const eventIds: string[] = [];
    for (const url of [
      `https://127.0.0.1:${new URL(receiverUrl).port}/ok`,
      "https://10.1.2.3/hook",
      "https://169.254.169.254/latest/meta-data/",
    ]) {
      const endpoint = await prisma.webhookEndpoint.create({
        data: {
          workspaceId: ws.workspace.id,
          url,
          eventTypes: ["csat.rated"],
          secret: encryptSecret(`whsec_${randomBytes(24).toString("base64")}`),
        },
      });
      const eventId = `evt_${randomBytes(4).toString("hex")}`;
      eventIds.push(eventId);
      const outcome = await deliverWebhook({
        endpointId: endpoint.id,
        eventId,
        eventType: "csat.rated",
        body: JSON.stringify({ type: "csat.rated", timestamp: new Date().toISOString(), data: {} }),
      });
      expect([url, outcome]).toMatchObject([url, { result: "failed", retry: false }]);
      const row = await prisma.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
      expect(row).toMatchObject({ success: false, responseStatus: null, attempt: 1 });
      expect(row.error).toMatch(/not a public address/);
      await prisma.webhookEndpoint.delete({ where: { id: endpoint.id } });
    }
    // Nothing reached the receiver under these events' ids (other tests' deliveries may still arrive).
    expect(received.filter((r) => eventIds.includes(r.headers["webhook-id"] as string))).toEqual([]);
  });
});
