// Every tool in the registry, called once with real data through the real
// HTTP route with the official SDK client; each answer checked.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { connectMcp, toolBody, ALL_TOOLSETS } from "../support/mcp-client";
import { prisma } from "@/lib/db";
import { TOOLS } from "@/lib/mcp/tools";
import { createApiKey } from "@/lib/services/credentials/create-api-key";
import { upsertContact } from "@/lib/services/contacts/upsert-contact";
import { inboundAddressOf } from "@/lib/mail/addresses";
import { parseInboundMime } from "@/lib/mail/inbound/parse";
import { receiveInboundMail } from "@/lib/services/email/receive-inbound-mail";
import { createPersonalToken } from "@/lib/services/credentials/create-personal-token";

let ws: TestWorkspace;
let admin: Client;
let owner: Client;
const state: Record<string, unknown> = {};

beforeAll(async () => {
  ws = await createTestWorkspace("mcp");
  const token = await createPersonalToken(ws.admin, { name: "Claude Desktop" });
  admin = await connectMcp(token.secret, ALL_TOOLSETS);
  owner = await connectMcp((await createPersonalToken(ws.owner, { name: "Owner's client" })).secret, ALL_TOOLSETS);
  state.duplicateId = (await upsertContact(ws.owner, { email: "dev.alt@northwind-mail.example", name: "Dev" })).id;
});
afterAll(async () => {
  await admin?.close();
  await owner?.close();
});

type Call = {
  args: () => Record<string, unknown>;
  check: (result: Record<string, any>) => void | Promise<void>;
  /** Tools only an owner may call run on the owner's connection. */
  asOwner?: boolean;
};

const n = () => ws.tickets[1]!.ticket;

// The order matters where a later call uses what an earlier one made.
const CALLS: Record<string, Call> = {
  get_me: {
    args: () => ({}),
    check: (r) =>
      expect(r).toMatchObject({
        user: { id: ws.users.admin },
        role: "admin",
        workspace: { slug: ws.slug },
        credential: { kind: "personal_token", name: "Claude Desktop" },
      }),
  },
  get_workspace_metadata: {
    args: () => ({}),
    check: (r) => expect(r.teams.map((t: { name: string }) => t.name)).toEqual(["Billing", "Technical"]),
  },
  search_tickets: {
    args: () => ({ q: '"gateway error"', include_notes: false, sort: "relevance" }),
    check: (r) => {
      expect(r.items.map((t: { number: number }) => t.number)).toEqual([n()]);
      expect(r.items[0].snippet).toContain("<mark>gateway</mark> <mark>error</mark>");
    },
  },
  get_ticket: {
    args: () => ({ ticket: n() }),
    check: (r) =>
      expect(r).toMatchObject({
        number: n(),
        subject: "Export times out",
        status: "open",
        sla: { policy: null, breached: false, first_response: { state: "none" } },
        sla_breached: false,
      }),
  },
  get_ticket_context: {
    args: () => ({ ticket: n() }),
    check: (r) => expect(r.latest_messages[0].body).toContain("gateway error"),
  },
  list_ticket_messages: {
    args: () => ({ ticket: n(), limit: 1 }),
    check: (r) => {
      expect(r.items).toHaveLength(1);
      expect(r.has_more).toBe(false);
      state.messageId = r.items[0].id;
    },
  },
  get_message: {
    args: () => ({ message_id: state.messageId }),
    check: (r) => expect(r).toMatchObject({ ticket: n(), offset: 0, next_offset: null }),
  },
  list_agents: {
    args: () => ({}),
    check: (r) => expect(r.items.map((a: { id: string }) => a.id)).toContain(ws.users.agent),
  },
  list_teams: { args: () => ({}), check: (r) => expect(r.items).toHaveLength(2) },
  create_team: {
    args: () => ({ name: "Escalations" }),
    check: (r) => {
      expect(r.name).toBe("Escalations");
      state.teamId = r.id;
    },
  },
  assign_ticket: {
    args: () => ({ ticket: n(), assignee: "me" }),
    check: (r) => expect(r).toMatchObject({ assignee: { id: ws.users.admin }, changed: true }),
  },
  transfer_ticket: {
    args: () => ({ ticket: n(), team: state.teamId, note: "Needs engineering" }),
    check: (r) => expect(r.team.name).toBe("Escalations"),
  },
  add_ticket_tags: {
    args: () => ({ ticket: n(), tags: ["bug", "csv"] }),
    check: (r) => expect(r.added).toEqual(["bug", "csv"]),
  },
  remove_ticket_tags: { args: () => ({ ticket: n(), tags: ["csv"] }), check: (r) => expect(r.tags).toEqual(["bug"]) },
  list_tags: {
    args: () => ({}),
    check: (r) => expect(r.items.find((t: { name: string }) => t.name === "bug").ticket_count).toBe(1),
  },
  create_view: {
    args: () => ({
      name: "Urgent billing",
      visibility: "shared",
      filters: { priority: "urgent", team: ws.teams[0]!.id },
    }),
    check: (r) => {
      expect(r).toMatchObject({ name: "Urgent billing", visibility: "shared", filters: { priority: "urgent" } });
      state.viewId = r.id;
    },
  },
  update_view: {
    args: () => ({ view_id: state.viewId, name: "Urgent billing (team)" }),
    check: (r) => expect(r.name).toBe("Urgent billing (team)"),
  },
  list_views: {
    args: () => ({}),
    check: (r) => {
      const view = r.items.find((v: { id: string }) => v.id === state.viewId);
      expect(view).toMatchObject({ visibility: "shared", exact: true, can_edit: true });
      expect(view.count).toBeGreaterThanOrEqual(0);
    },
  },
  delete_view: { args: () => ({ view_id: state.viewId }), check: (r) => expect(r.deleted).toBe(true) },
  bulk_update_tickets: {
    // Low, so that the macro applied to the same ticket later still has a priority to change.
    args: () => ({ tickets: [ws.tickets[2]!.ticket], changes: { priority: "low" } }),
    check: (r) => expect(r.results).toEqual([{ ticket: ws.tickets[2]!.ticket, result: "done", changed: ["priority"] }]),
  },
  update_ticket: {
    args: () => ({ ticket: n(), priority: "high" }),
    check: (r) => expect(r).toMatchObject({ priority: "high", changed: true }),
  },
  reply_to_ticket: {
    args: () => ({ ticket: n(), body: "We found the cause; a fix ships today." }),
    check: (r) => expect(r.status).toBe("pending"),
  },
  list_draft_replies: {
    // Replies through this workspace are sent, not drafted: nothing waits.
    args: () => ({ ticket: n() }),
    check: (r) => expect(r.drafts).toEqual([]),
  },
  mark_ticket_reviewed: {
    args: () => ({ ticket: ws.tickets[0]!.ticket }),
    check: (r) => expect(r).toMatchObject({ ticket: ws.tickets[0]!.ticket, reviewed_at: expect.any(String) }),
  },
  add_internal_note: {
    args: () => ({ ticket: n(), body: "Linked to the export incident." }),
    check: (r) => expect(r.message_id).toBeTruthy(),
  },
  resolve_ticket: {
    args: () => ({ ticket: n() }),
    check: (r) => expect(r).toMatchObject({ status: "resolved", changed: true }),
  },
  // The resolve above issued the customer's rating request; these run while the ticket is resolved.
  get_csat: {
    args: () => ({ ticket: n() }),
    check: (r) => {
      expect(r).toMatchObject({ ticket: n(), status: "resolved", scale: "good_bad", rating: null });
      expect(r.requests).toMatchObject([{ state: "awaiting_rating", link: expect.stringContaining("/rate/") }]);
      state.csatLink = r.requests[0].link;
    },
  },
  send_csat_request: {
    args: () => ({ ticket: n() }),
    check: (r) => {
      expect(r).toMatchObject({ ticket: n(), link: expect.stringContaining("/rate/") });
      expect(r.link).not.toBe(state.csatLink);
    },
  },
  list_csat_ratings: {
    args: () => ({ period_days: 30, score: "good" }),
    check: (r) => expect(r).toEqual({ items: [], next_cursor: null, has_more: false }),
  },
  update_csat_settings: {
    args: () => ({ scale: "good_bad" }),
    check: (r) => expect(r).toEqual({ scale: "good_bad", changed: false }),
  },
  reopen_ticket: {
    args: () => ({ ticket: n() }),
    check: (r) => expect(r).toMatchObject({ status: "open", changed: true }),
  },
  create_ticket: {
    args: () => ({
      subject: "Webhook retries",
      body: "Our webhook receives each event three times.",
      contact_email: "dev@northwind.example",
      tags: ["api"],
    }),
    check: (r) => expect(r.contact.email).toBe("dev@northwind.example"),
  },
  upsert_contact: {
    args: () => ({ email: "dev@northwind.example", company: "Northwind" }),
    check: (r) => {
      expect(r).toMatchObject({ company: "Northwind", created: false });
      state.contactId = r.id;
    },
  },
  search_contacts: {
    args: () => ({ q: "northwind" }),
    check: (r) => expect(r.items.map((c: { id: string }) => c.id)).toContain(state.contactId),
  },
  get_contact: {
    args: () => ({ contact_id: state.contactId }),
    check: (r) => expect(r.recent_tickets[0].subject).toBe("Webhook retries"),
  },
  create_article: {
    args: () => ({ title: "Export a CSV of tickets", body: "Open **Tickets** and choose *Export*.", publish: false }),
    check: (r) => {
      expect(r).toMatchObject({ slug: "export-a-csv-of-tickets", status: "draft", url: null });
      state.articleId = r.id;
    },
  },
  update_article: {
    args: () => ({ article: state.articleId, body: "Open **Tickets**, filter, then choose *Export CSV*." }),
    check: (r) => expect(r.body).toContain("Export CSV"),
  },
  publish_article: {
    args: () => ({ article: "export-a-csv-of-tickets" }),
    check: (r) =>
      expect(r).toMatchObject({
        status: "published",
        changed: true,
        url: expect.stringContaining(`/help/${ws.slug}/`),
      }),
  },
  get_article: {
    args: () => ({ article: state.articleId }),
    check: (r) => expect(r).toMatchObject({ title: "Export a CSV of tickets", status: "published" }),
  },
  search_knowledge: {
    args: () => ({ q: "export csv" }),
    check: (r) => expect(r.items[0]).toMatchObject({ id: state.articleId, snippet: expect.stringContaining("<mark>") }),
  },
  list_knowledge_categories: { args: () => ({}), check: (r) => expect(r.items).toEqual([]) },
  update_contact: {
    args: () => ({ contact_id: state.contactId, phone: "+1 555 0199" }),
    check: (r) => expect(r).toMatchObject({ phone: "+1 555 0199", changed: ["phone"] }),
  },
  merge_contacts: {
    args: () => ({ keep_contact_id: state.contactId, merge_contact_id: state.duplicateId }),
    check: (r) => {
      expect(r.contact.id).toBe(state.contactId);
      expect(r.emails).toEqual(["dev@northwind.example", "dev.alt@northwind-mail.example"]);
    },
  },
  create_company: {
    args: () => ({ name: "Northwind", domains: ["@Northwind.example"] }),
    check: (r) => {
      expect(r.domains).toEqual(["northwind.example"]);
      state.companyId = r.id;
    },
  },
  update_company: {
    args: () => ({ company_id: state.companyId, domains: ["northwind.example", "northwind-mail.example"] }),
    check: (r) => expect(r.domains).toEqual(["northwind.example", "northwind-mail.example"]),
  },
  list_companies: {
    args: () => ({ q: "north" }),
    check: (r) => expect(r.items).toEqual([expect.objectContaining({ id: state.companyId, contact_count: 1 })]),
  },
  get_company: {
    args: () => ({ company_id: state.companyId }),
    check: (r) => {
      expect(r.contacts.map((c: { id: string }) => c.id)).toEqual([state.contactId]);
      expect(r.recent_tickets[0].subject).toBe("Webhook retries");
    },
  },
  add_attachment: {
    args: () => ({
      ticket: ws.tickets[0]!.ticket,
      filename: "steps.txt",
      content_base64: Buffer.from("1. Open export\n2. Wait\n").toString("base64"),
    }),
    check: (r) => {
      expect(r).toMatchObject({ ticket: ws.tickets[0]!.ticket, filename: "steps.txt", size: 23, message_id: null });
      expect(r.content_type).toBe("text/plain; charset=utf-8");
      state.attachmentId = r.id;
    },
  },
  get_attachment: {
    args: () => ({ id: state.attachmentId }),
    check: (r) => expect(r).toMatchObject({ filename: "steps.txt", text: "1. Open export\n2. Wait\n" }),
  },
  list_ticket_attachments: {
    args: () => ({ ticket: ws.tickets[0]!.ticket }),
    check: (r) => expect(r.items.map((a: { filename: string }) => a.filename)).toEqual(["steps.txt"]),
  },
  search_everything: {
    args: () => ({ q: "webhook" }),
    check: (r) => expect(r.groups.tickets.items[0].subject).toBe("Webhook retries"),
  },
  get_workspace_settings: {
    args: () => ({}),
    check: (r) => expect(r).toMatchObject({ slug: ws.slug, plan: "enterprise", oauth_authorize_policy: "owners" }),
  },
  update_workspace_settings: {
    asOwner: true,
    args: () => ({ oauth_authorize_policy: "owners_admins" }),
    check: (r) =>
      expect(r).toMatchObject({ oauth_authorize_policy: "owners_admins", changed: ["oauth_authorize_policy"] }),
  },
  get_mcp_usage: {
    args: () => ({}),
    // The calls this catalogue made before are in the audit log it reads (written in the background).
    check: (r) => {
      expect(r.by_tool.map((t: { tool: string }) => t.tool)).toContain("get_me");
      expect(r.by_client.map((c: { client: string }) => c.client)).toContain("Claude Desktop");
    },
  },
  get_support_metrics: {
    args: () => ({ period_days: 7, group_by: "team" }),
    check: (r) => {
      expect(r.groups.reduce((s: number, g: { volume: number }) => s + g.volume, 0)).toBe(4);
      // No SLA policy in this workspace: nothing measured.
      expect(r.groups[0].sla.first_response).toEqual({ measured: 0, met: 0, attainment: null });
    },
  },
  get_backlog: {
    args: () => ({ by: "priority" }),
    check: (r) => expect(r.total.open + r.total.pending).toBeGreaterThanOrEqual(3),
  },
  // Macros and snippets work on the third ticket, so the second's history stays one row per tool.
  create_macro: {
    args: () => ({ name: "Triage", actions: { priority: "high", add_tags: ["triaged"] } }),
    check: (r) => {
      expect(r).toMatchObject({ name: "Triage", shared: false, usage_count: 0, owner: { id: ws.users.admin } });
      state.macro = r.id;
    },
  },
  list_macros: {
    args: () => ({ q: "tria" }),
    check: (r) => expect(r.items.map((m: { id: string }) => m.id)).toEqual([state.macro]),
  },
  get_macro: {
    args: () => ({ macro: state.macro }),
    check: (r) => expect(r.actions).toEqual({ priority: "high", add_tags: ["triaged"] }),
  },
  update_macro: {
    args: () => ({ macro: state.macro, name: "Triage high" }),
    check: (r) => expect(r.name).toBe("Triage high"),
  },
  preview_macro: {
    args: () => ({ macro: state.macro, ticket: ws.tickets[2]!.ticket }),
    check: (r) => expect(r.changes.map((c: { result: string }) => c.result)).toEqual(["change", "change"]),
  },
  apply_macro: {
    args: () => ({ macro: state.macro, ticket: ws.tickets[2]!.ticket }),
    check: (r) => {
      expect(r.results.map((c: { result: string }) => c.result)).toEqual(["done", "done"]);
      expect(r.usage_count).toBe(1);
    },
  },
  delete_macro: { args: () => ({ macro: state.macro }), check: (r) => expect(r.deleted).toBe(true) },
  create_snippet: {
    args: () => ({
      shortcut: "hello",
      name: "Hello",
      body: "Hi {{contact.first_name}}, this is {{agent.first_name}}.",
    }),
    check: (r) => expect(r).toMatchObject({ shortcut: "hello", shared: false }),
  },
  list_snippets: {
    args: () => ({ q: "hel" }),
    check: (r) => expect(r.items.map((s: { shortcut: string }) => s.shortcut)).toEqual(["hello"]),
  },
  get_snippet: {
    args: () => ({ snippet: "hello", ticket: ws.tickets[2]!.ticket }),
    check: (r) => expect(r.rendered).toMatch(/^Hi customer2\.\w+, this is admin\.\w+\.$/),
  },
  update_snippet: {
    args: () => ({ snippet: "hello", shortcut: "hello-there" }),
    check: (r) => expect(r.shortcut).toBe("hello-there"),
  },
  delete_snippet: { args: () => ({ snippet: "hello-there" }), check: (r) => expect(r.deleted).toBe(true) },
  invite_user: {
    args: () => ({ email: `new.${ws.slug}@example.com`, role: "agent" }),
    check: (r) => {
      expect(r).toMatchObject({ email: `new.${ws.slug}@example.com`, role: "agent" });
      expect(r.next_step).toContain("Admin → Agents");
    },
  },
  delete_user: {
    args: () => ({ user_id: ws.users.agent2 }),
    check: (r) => expect(r).toMatchObject({ deactivated: true }),
  },
  create_api_key: {
    args: () => ({ name: "CI/CD Pipeline", org_level: true, expiry_hours: 8760 }),
    check: (r) => {
      expect(r.secret).toMatch(/^dbk_/);
      expect(r.masked).toBe(`dbk_…${r.secret.slice(-4)}`);
      state.keyId = r.id;
    },
  },
  list_api_keys: {
    args: () => ({}),
    check: (r) => {
      expect(r.items.map((k: { id: string }) => k.id)).toContain(state.keyId);
      expect(JSON.stringify(r)).not.toMatch(/dbk_[0-9A-Za-z]{36}/);
    },
  },
  revoke_api_key: { args: () => ({ id: state.keyId }), check: (r) => expect(r.revoked).toBe(true) },
  create_case_status: {
    args: () => ({ name: "Waiting on engineering", base_status: "pending", color: "violet" }),
    check: (r) => {
      expect(r).toMatchObject({ name: "Waiting on engineering", base_status: "pending", color: "violet" });
      state.caseStatusId = r.id;
    },
  },
  update_case_status: {
    args: () => ({ case_status: state.caseStatusId, color: "indigo" }),
    check: (r) => expect(r).toMatchObject({ id: state.caseStatusId, color: "indigo" }),
  },
  list_case_statuses: {
    args: () => ({}),
    check: (r) => expect(r.items).toEqual([expect.objectContaining({ id: state.caseStatusId, ticket_count: 0 })]),
  },
  set_ticket_case_status: {
    args: () => ({ ticket: ws.tickets[2]!.ticket, case_status: state.caseStatusId }),
    check: async (r) => {
      expect(r).toMatchObject({ status: "pending", case_status: { id: state.caseStatusId }, changed: true });
      // A new base status clears the sub-status (so delete_case_status below finds it unused).
      const back = await admin.callTool({
        name: "set_ticket_case_status",
        arguments: { ticket: ws.tickets[2]!.ticket, status: "open" },
      });
      expect(back.structuredContent).toMatchObject({ status: "open", case_status: null, changed: true });
    },
  },
  get_case_workflow: {
    args: () => ({}),
    check: (r) => expect(r).toEqual({ reopen_window_days: null, auto_close_days: null }),
  },
  update_case_workflow: {
    args: () => ({ auto_close_days: 10 }),
    check: (r) => expect(r).toEqual({ reopen_window_days: null, auto_close_days: 10 }),
  },
  delete_case_status: {
    args: () => ({ case_status: state.caseStatusId }),
    check: (r) => expect(r).toMatchObject({ id: state.caseStatusId, deleted: true }),
  },
  set_my_status: {
    args: () => ({ status: "online" }),
    check: (r) => expect(r).toMatchObject({ status: "online", changed: true }),
  },
  get_my_status: {
    args: () => ({}),
    check: (r) => expect(r.status).toBe("online"),
  },
  list_agent_statuses: {
    args: () => ({ status: "online" }),
    check: (r) => expect(r.items).toEqual([expect.objectContaining({ id: ws.users.admin, status: "online" })]),
  },
  update_business_hours: {
    args: () => ({
      time_zone: "Europe/Berlin",
      weekly: { mon: [{ start: "09:00", end: "17:00" }] },
      holidays: ["2026-12-25"],
    }),
    check: (r) => expect(r).toMatchObject({ configured: true, time_zone: "Europe/Berlin", holidays: ["2026-12-25"] }),
  },
  get_business_hours: {
    args: () => ({}),
    check: (r) =>
      expect(r).toMatchObject({
        time_zone: "Europe/Berlin",
        weekly: { mon: [{ start: "09:00", end: "17:00" }], tue: [] },
      }),
  },
  create_sla_policy: {
    args: () => ({ name: "Standard", targets: { urgent: { first_response_minutes: 60, resolution_minutes: 480 } } }),
    check: (r) => {
      expect(r).toMatchObject({
        name: "Standard",
        business_hours: true,
        targets: { urgent: { first_response_minutes: 60 } },
      });
      state.slaPolicyId = r.id;
    },
  },
  update_sla_policy: {
    args: () => ({ sla_policy: state.slaPolicyId, tag: "vip" }),
    check: (r) => expect(r).toMatchObject({ id: state.slaPolicyId, tag: "vip" }),
  },
  get_sla_policy: {
    args: () => ({ sla_policy: state.slaPolicyId }),
    check: (r) => expect(r).toMatchObject({ name: "Standard", tag: "vip" }),
  },
  list_sla_policies: {
    args: () => ({}),
    check: (r) => expect(r.items).toEqual([expect.objectContaining({ id: state.slaPolicyId, active_ticket_count: 0 })]),
  },
  delete_sla_policy: {
    args: () => ({ sla_policy: state.slaPolicyId }),
    check: (r) => expect(r).toEqual({ id: state.slaPolicyId, name: "Standard", deleted: true }),
  },
  create_webhook: {
    // A receiver that is not listening: the resend below fails and is logged; nothing here waits on it.
    args: () => ({ url: "http://127.0.0.1:9/hooks", events: ["csat.rated"], description: "Catalogue check" }),
    check: async (r) => {
      expect(r).toMatchObject({ url: "http://127.0.0.1:9/hooks", events: ["csat.rated"], enabled: true });
      expect(r.secret).toMatch(/^whsec_/);
      state.webhookId = r.id;
      // A logged attempt to send again.
      state.deliveryId = (
        await prisma.webhookDelivery.create({
          data: {
            workspaceId: ws.workspace.id,
            endpointId: r.id,
            eventId: "evt_catalogue",
            eventType: "csat.rated",
            attempt: 1,
            requestBody: '{"type":"csat.rated","timestamp":"2026-12-02T00:00:00.000Z","data":{}}',
            requestHeaders: { "webhook-id": "evt_catalogue" },
            responseStatus: 200,
            durationMs: 5,
            success: true,
          },
        })
      ).id;
    },
  },
  update_webhook: {
    args: () => ({ webhook: state.webhookId, events: ["csat.rated", "ticket.created"] }),
    check: (r) => expect(r).toMatchObject({ id: state.webhookId, events: ["csat.rated", "ticket.created"] }),
  },
  rotate_webhook_secret: {
    args: () => ({ webhook: state.webhookId, overlap_hours: 2 }),
    check: (r) => {
      expect(r.secret).toMatch(/^whsec_/);
      expect(r.rotation_overlap_until).not.toBeNull();
    },
  },
  list_webhooks: {
    args: () => ({}),
    check: (r) =>
      expect(r.items).toEqual([
        expect.objectContaining({ id: state.webhookId, last_delivery: expect.objectContaining({ success: true }) }),
      ]),
  },
  list_webhook_deliveries: {
    args: () => ({ webhook: state.webhookId }),
    check: (r) =>
      expect(r.items).toEqual([
        expect.objectContaining({ id: state.deliveryId, event_type: "csat.rated", attempt: 1 }),
      ]),
  },
  redeliver_webhook: {
    args: () => ({ delivery: state.deliveryId }),
    check: (r) =>
      expect(r).toEqual({
        queued: true,
        webhook: state.webhookId,
        event_id: "evt_catalogue",
        event_type: "csat.rated",
      }),
  },
  delete_webhook: {
    args: () => ({ webhook: state.webhookId }),
    check: (r) => expect(r).toEqual({ id: state.webhookId, url: "http://127.0.0.1:9/hooks", deleted: true }),
  },
  create_automation: {
    args: () => ({
      name: "Tag refunds",
      trigger: "message.received",
      conditions: [{ field: "text_contains", value: "refund" }],
      actions: [{ type: "add_tag", tag: "refund" }],
    }),
    check: (r) => {
      expect(r).toMatchObject({ name: "Tag refunds", trigger: "message.received", enabled: true, position: 1 });
      state.automationId = r.id;
    },
  },
  update_automation: {
    args: () => ({ automation: state.automationId, enabled: false }),
    check: (r) => expect(r).toMatchObject({ id: state.automationId, enabled: false }),
  },
  get_automation: {
    args: () => ({ automation: state.automationId }),
    check: (r) => expect(r).toMatchObject({ name: "Tag refunds", enabled: false, recent_runs: [] }),
  },
  list_automations: {
    args: () => ({}),
    check: (r) => expect(r.items).toEqual([expect.objectContaining({ id: state.automationId })]),
  },
  list_automation_runs: {
    args: () => ({ automation: state.automationId }),
    check: (r) => expect(r.items).toEqual([]),
  },
  delete_automation: {
    args: () => ({ automation: state.automationId }),
    check: (r) => expect(r).toEqual({ id: state.automationId, name: "Tag refunds", deleted: true }),
  },
  list_notifications: {
    args: () => ({ unread: true }),
    check: (r) => {
      expect(Array.isArray(r.items)).toBe(true);
      expect(r.unread_count).toBe(r.items.length);
    },
  },
  mark_notifications_read: {
    args: () => ({ all: true }),
    check: (r) => expect(r.unread_count).toBe(0),
  },
  list_audit_events: {
    args: () => ({ action: "create_api_key" }),
    check: (r) => expect(r.items[0]).toMatchObject({ outcome: "ok", credential_kind: "personal_token" }),
  },
  // Last, as a customer's mail adds a ticket to the workspace.
  get_email_channel: {
    args: () => ({}),
    check: async (r) => {
      expect(r).toMatchObject({ enabled: true, inbound_address: inboundAddressOf(ws.slug), sender_name: null });
      const raw = [
        `From: Pat <pat@northwind.example>`,
        `To: ${inboundAddressOf(ws.slug)}`,
        "Subject: Mail for the tools",
        "Message-ID: <tools.mail@northwind.example>",
        "",
        "Hello by mail.",
      ].join("\r\n");
      await receiveInboundMail(await parseInboundMime(Buffer.from(raw), [inboundAddressOf(ws.slug)]));
    },
  },
  list_email_threads: {
    args: () => ({ limit: 5 }),
    check: (r) => {
      expect(r.items[0]).toMatchObject({
        direction: "inbound",
        from: "Pat <pat@northwind.example>",
        subject: "Mail for the tools",
        message_id: "tools.mail@northwind.example",
      });
      state.emailId = r.items[0].id;
    },
  },
  get_email_message: {
    args: () => ({ id: state.emailId }),
    check: (r) => expect(r.text).toContain("Hello by mail."),
  },
  update_email_channel: {
    args: () => ({ sender_name: "Northwind Support" }),
    check: (r) => expect(r).toMatchObject({ sender_name: "Northwind Support", changed: true }),
  },
};

describe("the tool catalogue over HTTP", () => {
  it("has a test call for every registered tool", () => {
    expect(Object.keys(CALLS).sort()).toEqual(TOOLS.map((t) => t.name).sort());
  });

  it("tools/list shows an owner every tool with schemas and annotations", async () => {
    const { tools } = await owner.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(TOOLS.map((t) => t.name).sort());
    for (const tool of tools) {
      expect(tool.inputSchema.type).toBe("object");
      expect(tool.outputSchema?.type).toBe("object");
      expect(Object.keys(tool.annotations ?? {})).toEqual(
        expect.arrayContaining(["readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint"]),
      );
    }
  });

  for (const [name, call] of Object.entries(CALLS)) {
    it(`${name} answers with structured content matching its output schema`, async () => {
      // The audit buffer flushes within a fraction of a second; let it before reading the log.
      if (name === "list_audit_events") await new Promise((r) => setTimeout(r, 600));
      const result = await (call.asOwner ? owner : admin).callTool({ name, arguments: call.args() });
      expect(result.isError, JSON.stringify(result.structuredContent)).toBeFalsy();
      const tool = TOOLS.find((t) => t.name === name)!;
      expect(tool.output.safeParse(result.structuredContent).success).toBe(true);
      expect(JSON.parse((result.content as { text: string }[])[0]!.text)).toEqual(result.structuredContent);
      await call.check(result.structuredContent as Record<string, any>);
    });
  }

  it("MCP writes show in the ticket's history under the acting user, via MCP, with the credential's name", async () => {
    const ticket = await prisma.ticket.findUniqueOrThrow({
      where: { workspaceId_number: { workspaceId: ws.workspace.id, number: n() } },
      select: { id: true },
    });
    const rows = await prisma.ticketActivity.findMany({ where: { ticketId: ticket.id, via: "mcp" } });
    expect(rows.map((r) => r.action).sort()).toEqual([
      "assign",
      "csat_requested",
      "note",
      "reopen",
      "reply",
      "resolve",
      "tags_added",
      "tags_removed",
      "transfer",
      "update",
    ]);
    expect(new Set(rows.map((r) => r.actorUserId))).toEqual(new Set([ws.users.admin]));
    expect(new Set(rows.map((r) => r.credentialName))).toEqual(new Set(["Claude Desktop"]));
  });

  it("an org-level key acts as the workspace: history names the key, user-only tools answer user_required", async () => {
    const key = await createApiKey(ws.admin, { name: "Backend sync", org_level: true });
    const client = await connectMcp(key.secret);
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).not.toContain("reply_to_ticket");
      const ok = await client.callTool({
        name: "add_ticket_tags",
        arguments: { ticket: ws.tickets[0]!.ticket, tags: ["synced"] },
      });
      expect(ok.isError).toBeFalsy();
      const refused = await client.callTool({
        name: "reply_to_ticket",
        arguments: { ticket: ws.tickets[0]!.ticket, body: "hi" },
      });
      expect(refused.isError).toBe(true);
      expect(refused.structuredContent).toBeUndefined();
      expect(toolBody(refused)).toMatchObject({ error: "user_required" });
      const row = await prisma.ticketActivity.findFirstOrThrow({
        where: { workspaceId: ws.workspace.id, action: "tags_added", credentialName: "Backend sync" },
      });
      expect(row).toMatchObject({ actorUserId: null, via: "mcp", credentialId: key.id });
    } finally {
      await client.close();
    }
  });
});
