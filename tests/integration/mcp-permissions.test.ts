// The permission matrix, generated from the tool registry: every tool × every
// kind of credential, called through the real HTTP route.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { rpc, toolBody, ALL_TOOLSETS } from "../support/mcp-client";
import { prisma } from "@/lib/db";
import { scopeAllows } from "@/lib/auth/scopes";
import { roleAtLeast } from "@/lib/auth/roles";
import { TOOLS } from "@/lib/mcp/tools";
import type { AnyTool } from "@/lib/mcp/tool";
import { createApiKey } from "@/lib/services/credentials/create-api-key";
import { createPersonalToken } from "@/lib/services/credentials/create-personal-token";
import { createMacro } from "@/lib/services/macros/create-macro";
import { createSnippet } from "@/lib/services/snippets/create-snippet";
import { createArticle } from "@/lib/services/knowledge/create-article";
import { createCaseStatus } from "@/lib/services/case-statuses/create-case-status";
import { createCompany } from "@/lib/services/companies/create-company";
import { createSlaPolicy } from "@/lib/services/sla/create-sla-policy";
import { createTicket } from "@/lib/services/tickets/create-ticket";
import { storeAttachment } from "@/lib/services/attachments/store-attachment";
import { updateRateLimits } from "@/lib/services/workspaces/update-rate-limits";

type Credential = {
  token: string;
  scopes: string[];
  role: "owner" | "admin" | "agent";
  user: boolean;
  http401?: boolean;
};
type Outcome = "allowed" | "insufficient_scope" | "user_required" | "admin_required" | "401";

const REFUSALS = new Set(["insufficient_scope", "user_required", "admin_required", "owner_required"]);

/** What the registry declares for this tool and credential. */
function expected(tool: AnyTool, c: Credential): Outcome {
  if (c.http401) return "401";
  if (!tool.scopes.every((s) => scopeAllows(c.scopes, s))) return "insufficient_scope";
  if (tool.needsUser && !c.user) return "user_required";
  if (!roleAtLeast(c.role, tool.role)) return "admin_required";
  return "allowed";
}

let ws: TestWorkspace;
let other: TestWorkspace;
const creds: Record<string, Credential> = {};

beforeAll(async () => {
  ws = await createTestWorkspace("perm");
  other = await createTestWorkspace("perm-other");
  // The matrix calls every tool back to back with each credential: on a fast machine that is more than the
  // plan's 200 a second, and this suite checks permissions, not limits (the limiter has its own tests).
  await updateRateLimits(ws.owner, { perSecond: 100_000, perMinute: 100_000 });
  const key = (scopes: string[], org = true) =>
    createApiKey(ws.admin, { name: scopes.join(","), scopes: scopes as never, org_level: org });
  creds["settings:read key"] = {
    token: (await key(["settings:read"])).secret,
    scopes: ["settings:read"],
    role: "admin",
    user: false,
  };
  creds["sla:read key"] = {
    token: (await key(["sla:read"])).secret,
    scopes: ["sla:read"],
    role: "admin",
    user: false,
  };
  creds["sla:write agent key"] = {
    token: (
      await createApiKey(
        { ...ws.agent, role: "admin" },
        { name: "agent sla", scopes: ["sla:read", "sla:write"], org_level: false },
      )
    ).secret,
    scopes: ["sla:read", "sla:write"],
    role: "agent",
    user: true,
  };
  creds["search:read key"] = {
    token: (await key(["search:read"])).secret,
    scopes: ["search:read"],
    role: "admin",
    user: false,
  };
  creds["csat:read key"] = {
    token: (await key(["csat:read"])).secret,
    scopes: ["csat:read"],
    role: "admin",
    user: false,
  };
  creds["owner token"] = {
    token: (await createPersonalToken(ws.owner)).secret,
    scopes: ["mcp:read", "mcp:write"],
    role: "owner",
    user: true,
  };
  creds["read-only key"] = {
    token: (await key(["mcp:read"])).secret,
    scopes: ["mcp:read"],
    role: "admin",
    user: false,
  };
  creds["agent token"] = {
    token: (await createPersonalToken(ws.agent)).secret,
    scopes: ["mcp:read", "mcp:write"],
    role: "agent",
    user: true,
  };
  creds["admin token"] = {
    token: (await createPersonalToken(ws.admin)).secret,
    scopes: ["mcp:read", "mcp:write"],
    role: "admin",
    user: true,
  };
  creds["org-level key"] = {
    token: (await key(["mcp:read", "mcp:write"])).secret,
    scopes: ["mcp:read", "mcp:write"],
    role: "admin",
    user: false,
  };
  creds["agent-bound tickets key"] = {
    token: (
      await createApiKey(
        { ...ws.agent, role: "admin" },
        { name: "agent bound", scopes: ["tickets:read", "tickets:write"], org_level: false },
      )
    ).secret,
    scopes: ["tickets:read", "tickets:write"],
    role: "agent",
    user: true,
  };
  creds["status:read key"] = {
    token: (await key(["status:read"])).secret,
    scopes: ["status:read"],
    role: "admin",
    user: false,
  };
  creds["agent-bound status key"] = {
    token: (
      await createApiKey(
        { ...ws.agent, role: "admin" },
        { name: "agent status", scopes: ["status:read", "status:write"], org_level: false },
      )
    ).secret,
    scopes: ["status:read", "status:write"],
    role: "agent",
    user: true,
  };
  const revoked = await key(["mcp:read"]);
  await prisma.credential.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
  creds.revoked = { token: revoked.secret, scopes: [], role: "admin", user: false, http401: true };
  const expired = await key(["mcp:read"]);
  await prisma.credential.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  creds.expired = { token: expired.secret, scopes: [], role: "admin", user: false, http401: true };
});

async function outcomeOf(tool: AnyTool, token: string): Promise<Outcome> {
  // Arguments that fail validation for any tool with required fields, so an
  // allowed call proves the gate was passed without changing data.
  const res = await rpc(
    { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: tool.name, arguments: { ticket: "not-a-number" } } },
    { token },
  );
  if (res.status === 401) return "401";
  expect(res.status).toBe(200);
  const structured = toolBody(res.json?.result);
  if (res.json?.result?.isError && REFUSALS.has(structured?.error))
    return structured.error === "owner_required" ? "admin_required" : structured.error;
  return "allowed";
}

describe("permission matrix", () => {
  it("every tool × credential answers exactly what the registry declares", async () => {
    const mismatches: string[] = [];
    for (const [label, credential] of Object.entries(creds)) {
      for (const tool of TOOLS) {
        const want = expected(tool, credential);
        const got = await outcomeOf(tool, credential.token);
        if (want !== got) mismatches.push(`${tool.name} with ${label}: expected ${want}, got ${got}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("tools/list shows each credential exactly the tools it may call", async () => {
    for (const [label, credential] of Object.entries(creds)) {
      const res = await rpc(
        { jsonrpc: "2.0", id: 1, method: "tools/list", params: {} },
        { token: credential.token, suffix: ALL_TOOLSETS },
      );
      if (credential.http401) {
        expect(res.status, label).toBe(401);
        continue;
      }
      const names = (res.json?.result.tools as { name: string }[]).map((t) => t.name).sort();
      const allowed = TOOLS.filter((t) => expected(t, credential) === "allowed")
        .map((t) => t.name)
        .sort();
      expect(names, label).toEqual(allowed);
    }
  });

  it("spells out the refusal with what was needed", async () => {
    const res = await rpc(
      {
        jsonrpc: "2.0",
        id: 1,
        method: "tools/call",
        params: { name: "assign_ticket", arguments: { ticket: 1, assignee: "me" } },
      },
      { token: creds["read-only key"]!.token },
    );
    expect(toolBody(res.json?.result)).toMatchObject({
      error: "insufficient_scope",
      required_scope: "tickets:write",
    });
    const admin = await rpc(
      { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "create_api_key", arguments: { name: "x" } } },
      { token: creds["agent token"]!.token },
    );
    expect(toolBody(admin.json?.result)).toMatchObject({ error: "admin_required", required_role: "admin" });
  });

  it("another workspace's credential never reaches this workspace's rows", async () => {
    const secret = await createTicket(ws.owner, {
      subject: "Confidential merger",
      body: "do not leak",
      contact_email: "ceo@example.com",
    });
    const ticketRow = await prisma.ticket.findUniqueOrThrow({
      where: { workspaceId_number: { workspaceId: ws.workspace.id, number: secret.ticket } },
      select: { id: true, messages: { select: { id: true } } },
    });
    const macro = await createMacro(ws.admin, { name: "Secret macro", shared: true, actions: { priority: "low" } });
    await createSnippet(ws.admin, { shortcut: "secret-snippet", name: "Secret", body: "x", shared: true });
    const article = await createArticle(ws.owner, {
      title: "Confidential pricing",
      body: "do not leak",
      publish: true,
    });
    const caseStatus = await createCaseStatus(ws.admin, { name: "Legal review", base_status: "pending" });
    const company = await createCompany(ws.owner, { name: "Confidential Corp", domains: ["example.com"] });
    const slaPolicy = await createSlaPolicy(ws.admin, {
      name: "Confidential SLA",
      targets: { urgent: { first_response_minutes: 5 } },
    });
    const attachment = await prisma.$transaction((tx) =>
      storeAttachment(tx, ws.agent, {
        ticketId: ticketRow.id,
        messageId: ticketRow.messages[0]!.id,
        filename: "merger-terms.txt",
        bytes: Buffer.from("do not leak"),
      }),
    );
    // Rows as the webhook tools leave them (the secret column holds sealed text the outsider never sees).
    const webhook = await prisma.webhookEndpoint.create({
      data: {
        workspaceId: ws.workspace.id,
        url: "https://hooks.example.com/confidential",
        eventTypes: ["ticket.created"],
        secret: "v1.sealed.elsewhere",
      },
    });
    const delivery = await prisma.webhookDelivery.create({
      data: {
        workspaceId: ws.workspace.id,
        endpointId: webhook.id,
        eventId: "evt_confidential",
        eventType: "ticket.created",
        attempt: 1,
        requestBody: '{"type":"ticket.created"}',
        requestHeaders: {},
        responseStatus: 204,
        durationMs: 12,
        success: true,
      },
    });
    const outsider = (await createPersonalToken(other.admin)).secret;
    const callAs = (name: string, args: unknown) =>
      rpc({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name, arguments: args } }, { token: outsider });
    for (const [name, args] of [
      ["get_ticket", { ticket: secret.ticket }],
      ["get_ticket_context", { ticket: secret.ticket }],
      ["get_message", { message_id: ticketRow.messages[0]!.id }],
      ["get_attachment", { id: attachment.id }],
      ["list_ticket_attachments", { ticket: secret.ticket }],
      [
        "add_attachment",
        { ticket: secret.ticket, filename: "x.txt", content_base64: "eA==", message_id: ticketRow.messages[0]!.id },
      ],
      ["get_contact", { contact_id: secret.contact.id }],
      ["assign_ticket", { ticket: secret.ticket, assignee: "me" }],
      ["transfer_ticket", { ticket: secret.ticket, team: ws.teams[0]!.id }],
      ["delete_user", { user_id: ws.users.agent }],
      ["get_macro", { macro: macro.id }],
      ["preview_macro", { macro: macro.id, ticket: secret.ticket }],
      ["apply_macro", { macro: macro.id, ticket: secret.ticket }],
      ["delete_macro", { macro: macro.id }],
      ["get_snippet", { snippet: "secret-snippet" }],
      ["delete_snippet", { snippet: "secret-snippet" }],
      ["get_article", { article: article.id }],
      ["update_article", { article: article.id, title: "Mine now" }],
      ["publish_article", { article: article.slug, published: false }],
      ["set_ticket_case_status", { ticket: secret.ticket, status: "pending" }],
      ["update_case_status", { case_status: caseStatus.id, color: "red" }],
      ["delete_case_status", { case_status: caseStatus.id }],
      ["update_contact", { contact_id: secret.contact.id, name: "Leaked" }],
      ["merge_contacts", { keep_contact_id: secret.contact.id, merge_contact_id: ws.tickets[0]!.contact.id }],
      ["get_company", { company_id: company.id }],
      ["update_company", { company_id: company.id, name: "Taken over" }],
      ["get_csat", { ticket: secret.ticket }],
      ["send_csat_request", { ticket: secret.ticket }],
      ["list_agent_statuses", { team: ws.teams[0]!.id }],
      ["get_sla_policy", { sla_policy: slaPolicy.id }],
      ["update_sla_policy", { sla_policy: slaPolicy.id, name: "Taken over" }],
      ["delete_sla_policy", { sla_policy: slaPolicy.id }],
      ["update_webhook", { webhook: webhook.id, url: "https://attacker.example.com/" }],
      ["rotate_webhook_secret", { webhook: webhook.id }],
      ["list_webhook_deliveries", { webhook: webhook.id }],
      ["redeliver_webhook", { delivery: delivery.id }],
      ["delete_webhook", { webhook: webhook.id }],
    ] as const) {
      const res = await callAs(name, args);
      expect(toolBody(res.json?.result).error, name).toBe("not_found");
    }
    const search = await callAs("search_tickets", { q: "Confidential merger" });
    expect(search.json?.result.structuredContent.items).toEqual([]);
    const contacts = await callAs("search_contacts", { q: "ceo@example.com" });
    expect(contacts.json?.result.structuredContent.items).toEqual([]);
    const articles = await callAs("search_knowledge", { q: "confidential pricing" });
    expect(articles.json?.result.structuredContent.items).toEqual([]);
    expect(search.text + contacts.text + articles.text).not.toContain("Confidential");
    const everything = await callAs("search_everything", { q: "Confidential merger" });
    expect(everything.json?.result.structuredContent.groups).toEqual({
      tickets: { items: [], has_more: false },
      contacts: { items: [], has_more: false },
      articles: { items: [], has_more: false },
    });
    const statuses = await callAs("list_agent_statuses", {});
    const statusIds = (statuses.json?.result.structuredContent.items as { id: string }[]).map((i) => i.id);
    expect(statusIds).not.toContain(ws.users.agent);
    expect(statusIds.length).toBeGreaterThan(0);
    const companies = await callAs("list_companies", {});
    const ratings = await callAs("list_csat_ratings", {});
    expect(ratings.json?.result.structuredContent.items).toEqual([]);
    const slaPolicies = await callAs("list_sla_policies", {});
    expect(slaPolicies.json?.result.structuredContent.items).toEqual([]);
    const webhooks = await callAs("list_webhooks", {});
    expect(webhooks.json?.result.structuredContent.items).toEqual([]);
    const settings = await callAs("get_workspace_settings", {});
    expect(settings.json?.result.structuredContent.slug).toBe(other.slug);
    // search_everything echoes the caller's own query; its groups are checked above.
    expect(search.text + contacts.text + companies.text).not.toContain("Confidential");
  });
});
