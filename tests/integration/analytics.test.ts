// The analytics page and its CSV export read the same services as the analytics tools: what an admin
// downloads matches what get_support_metrics, get_backlog and get_mcp_usage answer through the
// official SDK client, a bad period is a 400 naming its field, and MCP usage stays with admins.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { baseUrl, callToolOk, connectMcp } from "../support/mcp-client";
import { signIn, type CookieJar } from "../support/oauth-http";
import { createApiKey } from "@/lib/services/credentials/create-api-key";
import { assignTicket } from "@/lib/services/tickets/assign-ticket";
import { replyToTicket } from "@/lib/services/tickets/reply-to-ticket";
import { resolveTicket } from "@/lib/services/tickets/resolve-ticket";

type Section = { title: string; header: string[]; rows: string[][] };

/** The export's sections: a title line, a header row and rows each, separated by blank lines. */
function sectionsOf(csv: string): Map<string, Section> {
  const cells = (line: string) =>
    [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)]
      .slice(0, -1)
      .map((m) => (m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replaceAll('""', '"') : m[1]!));
  const sections = new Map<string, Section>();
  for (const block of csv.trim().split(/\r\n\r\n/)) {
    const [title, header, ...rows] = block.split("\r\n");
    sections.set(title!, { title: title!, header: cells(header!), rows: rows.map(cells) });
  }
  return sections;
}

/** A section's rows as objects keyed by its header. */
function recordsOf(section: Section | undefined): Record<string, string>[] {
  expect(section).toBeDefined();
  return section!.rows.map((row) => Object.fromEntries(section!.header.map((h, i) => [h, row[i] ?? ""])));
}

const num = (value: number | null) => (value === null ? "" : String(value));

describe("analytics page, CSV export and tools", () => {
  let ws: TestWorkspace;
  let admin: CookieJar;
  let agent: CookieJar;
  let client: Client;

  beforeAll(async () => {
    ws = await createTestWorkspace("analytics");
    const [first, second] = ws.tickets;
    await assignTicket(ws.owner, { ticket: first!.ticket, assignee: ws.users.agent });
    await replyToTicket(ws.agent, { ticket: first!.ticket, body: "Refunded the second charge." });
    await resolveTicket(ws.agent, { ticket: first!.ticket });
    await assignTicket(ws.owner, { ticket: second!.ticket, assignee: ws.users.agent2 });
    [admin, agent] = await Promise.all([signIn(ws.emails.admin), signIn(ws.emails.agent)]);
    const key = await createApiKey(ws.admin, { name: "weekly-report", scopes: ["analytics:read"] });
    client = await connectMcp(key.secret, "?toolsets=analytics");
  });

  afterAll(async () => {
    await client?.close();
  });

  it("the export is a CSV file with one section per table, matching get_support_metrics and get_backlog", async () => {
    const response = await admin.fetch(`${baseUrl()}/analytics/export?period_days=30`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="deskbridge-analytics-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const sections = sectionsOf(await response.text());
    expect([...sections.keys()]).toEqual([
      "Period",
      "Totals",
      "By day",
      "By team",
      "By agent",
      "Backlog by team",
      "Backlog by agent",
      "MCP usage by client",
      "MCP usage by tool",
      "MCP calls by day",
    ]);

    const total = await callToolOk(client, "get_support_metrics", { period_days: 30 });
    const whole = total.groups[0];
    const [totals] = recordsOf(sections.get("Totals"));
    expect(totals).toMatchObject({
      tickets: "3",
      resolved: "1",
      first_response_median_seconds: num(whole.first_response_seconds.median),
      resolution_median_seconds: num(whole.resolution_seconds.median),
      sla_first_response_measured: String(whole.sla.first_response.measured),
      csat_ratings: String(whole.csat.ratings),
    });
    expect(whole).toMatchObject({ volume: 3, resolved: 1 });
    expect(recordsOf(sections.get("Period"))).toEqual([{ from: total.since, to: total.until }]);

    const byAgent = await callToolOk(client, "get_support_metrics", { period_days: 30, group_by: "agent" });
    expect(recordsOf(sections.get("By agent")).map((r) => [r.agent, r.tickets, r.resolved])).toEqual(
      byAgent.groups.map((g: { label: string; volume: number; resolved: number }) => [
        g.label,
        String(g.volume),
        String(g.resolved),
      ]),
    );
    const byTeam = await callToolOk(client, "get_support_metrics", { period_days: 30, group_by: "team" });
    expect(recordsOf(sections.get("By team")).map((r) => [r.team, r.tickets])).toEqual(
      byTeam.groups.map((g: { label: string; volume: number }) => [g.label, String(g.volume)]),
    );
    const byDay = await callToolOk(client, "get_support_metrics", { period_days: 30, group_by: "day" });
    expect(byDay.groups).toHaveLength(31);
    expect(recordsOf(sections.get("By day")).map((r) => [r.day, r.tickets])).toEqual(
      byDay.groups.map((g: { label: string; volume: number }) => [g.label, String(g.volume)]),
    );
    expect(byDay.groups.reduce((s: number, g: { volume: number }) => s + g.volume, 0)).toBe(3);

    const backlog = await callToolOk(client, "get_backlog", { by: "assignee" });
    expect(recordsOf(sections.get("Backlog by agent"))).toEqual(
      backlog.groups.map((g: { label: string; open: number; pending: number }) => ({
        agent: g.label,
        open: String(g.open),
        pending: String(g.pending),
      })),
    );
  });

  it("the page shows the same totals as the export", async () => {
    const response = await admin.fetch(`${baseUrl()}/analytics?period_days=30`);
    expect(response.status).toBe(200);
    const html = (await response.text()).replaceAll("<!-- -->", "");
    const stat = (name: string) =>
      new RegExp(`data-testid="stat-${name}".*?data-testid="stat-value"[^>]*>([^<]*)<`).exec(html)?.[1];
    expect(stat("tickets")).toBe("3");
    expect(stat("resolved")).toBe("1");
    expect(stat("backlog")).toBe("2");
  });

  it("MCP usage in the export is what get_mcp_usage answers for the same period", async () => {
    const from = new Date(Date.now() - 3_600_000).toISOString();
    let usage: Record<string, any> = {};
    // Each call is audited in the background: wait until the calls so far are counted.
    for (let i = 0; i < 50; i++) {
      usage = await callToolOk(client, "get_mcp_usage", { from });
      if (usage.by_tool.some((t: { tool: string }) => t.tool === "get_support_metrics")) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const to = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 1_500));
    usage = await callToolOk(client, "get_mcp_usage", { from, to });
    const response = await admin.fetch(
      `${baseUrl()}/analytics/export?${new URLSearchParams({ from, to, sections: "mcp_usage" })}`,
    );
    expect(response.status).toBe(200);
    const sections = sectionsOf(await response.text());
    expect([...sections.keys()]).toEqual(["Period", "MCP usage by client", "MCP usage by tool", "MCP calls by day"]);
    expect(recordsOf(sections.get("MCP usage by client"))).toEqual(
      usage.by_client.map((r: { client: string; kind: string; calls: number; errors: number; p95_ms: number }) => ({
        client: r.client,
        kind: r.kind,
        calls: String(r.calls),
        errors: String(r.errors),
        p95_ms: num(r.p95_ms),
      })),
    );
    expect(usage.by_client[0]).toMatchObject({ client: "weekly-report", kind: "workspace_key" });
    expect(recordsOf(sections.get("MCP usage by tool")).map((r) => [r.tool, r.calls, r.errors])).toEqual(
      usage.by_tool.map((r: { tool: string; calls: number; errors: number }) => [
        r.tool,
        String(r.calls),
        String(r.errors),
      ]),
    );
    expect(recordsOf(sections.get("MCP calls by day")).map((r) => [r.day, r.calls])).toEqual(
      usage.by_day.map((r: { day: string; calls: number }) => [r.day, String(r.calls)]),
    );
  });

  it("a bad period is a 400 that names the field", async () => {
    for (const [query, field] of [
      ["period_days=0", "period_days"],
      ["period_days=week", "period_days"],
      ["from=2026-11-30&to=2026-11-01", "from"],
      ["from=2026-11-01&to=soon", "to"],
      ["sections=everything", "sections.0"],
    ] as const) {
      const response = await admin.fetch(`${baseUrl()}/analytics/export?${query}`);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { error: string; fields: Record<string, string[]> };
      expect(body.error).toBe("validation_error");
      expect(Object.keys(body.fields), query).toEqual([field]);
    }
  });

  it("an agent exports support metrics and backlog but is refused MCP usage; signed out is refused", async () => {
    const mine = await agent.fetch(`${baseUrl()}/analytics/export`);
    expect(mine.status).toBe(200);
    const sections = sectionsOf(await mine.text());
    expect(sections.has("Totals")).toBe(true);
    expect(sections.has("MCP usage by client")).toBe(false);
    const refused = await agent.fetch(`${baseUrl()}/analytics/export?sections=mcp_usage`);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: "admin_required" });
    const page = await agent.fetch(`${baseUrl()}/analytics`);
    const html = await page.text();
    expect(html).toContain('data-testid="stat-tickets"');
    expect(html).not.toContain('data-testid="chart-mcp"');
    expect((await fetch(`${baseUrl()}/analytics/export`)).status).toBe(401);
  });
});
