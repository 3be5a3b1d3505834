import { expect, test } from "./fixtures";
import { AnalyticsPage } from "./pages/analytics-page";

/** The CSV's sections by title: each a header row and its rows. */
function sectionsOf(csv: string) {
  const sections = new Map<string, { header: string; rows: string[][] }>();
  for (const block of csv.trim().split(/\r\n\r\n/)) {
    const [title, header, ...rows] = block.split("\r\n");
    sections.set(title!, { header: header!, rows: rows.map((r) => r.split(",")) });
  }
  return sections;
}

test("an admin reads the demo workspace's analytics as charts, changes the period and downloads the same numbers as CSV", async ({
  page,
  signInAs,
}) => {
  await signInAs("admin");
  const analytics = new AnalyticsPage(page);
  await analytics.open();

  for (const chart of ["chart-volume", "chart-times", "chart-backlog-team", "chart-backlog-agent", "chart-mcp"]) {
    await expect(analytics.chartSurface(chart)).toBeVisible();
  }
  await expect(analytics.chart("chart-volume").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByTestId("metrics-by-team")).toBeVisible();
  await expect(page.getByTestId("metrics-by-agent")).toBeVisible();
  await expect(page.getByRole("heading", { name: "MCP usage" })).toBeVisible();

  // The demo's tickets span months: a longer period counts more of them.
  await analytics.choosePreset(7);
  const week = await analytics.stat("tickets");
  await analytics.choosePreset(90);
  const quarter = await analytics.stat("tickets");
  expect(quarter).toBeGreaterThan(week);
  const resolved = await analytics.stat("resolved");
  const backlog = await analytics.stat("backlog");

  const { filename, text } = await analytics.exportCsv();
  expect(filename).toMatch(/^deskbridge-analytics-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const sections = sectionsOf(text);
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
  expect(sections.get("Totals")!.header).toMatch(/^tickets,resolved,first_response_median_seconds,/);
  expect(sections.get("Backlog by team")!.header).toBe("team,open,pending");
  expect(sections.get("MCP usage by tool")!.header).toBe("tool,calls,errors,p95_ms");
  const [tickets, resolvedInCsv] = sections.get("Totals")!.rows[0]!.map(Number);
  expect(tickets).toBe(quarter);
  expect(resolvedInCsv).toBe(resolved);
  expect(sections.get("By day")!.rows.reduce((sum, row) => sum + Number(row[1]), 0)).toBe(quarter);
  const backlogRows = sections.get("Backlog by team")!.rows;
  expect(backlogRows.reduce((sum, row) => sum + Number(row[1]) + Number(row[2]), 0)).toBe(backlog);

  // A custom period: the figures follow it, and the export takes the same period.
  await analytics.chooseCustom("2020-01-01", "2020-01-31");
  expect(await analytics.stat("tickets")).toBe(0);
  await expect(page.getByTestId("metrics-by-team")).toBeHidden();
  const custom = sectionsOf((await analytics.exportCsv()).text);
  expect(custom.get("Period")!.rows[0]).toEqual(["2020-01-01T00:00:00.000Z", "2020-02-01T00:00:00.000Z"]);
  expect(custom.get("Totals")!.rows[0]![0]).toBe("0");
});

test("a period the page cannot read is named, and the default period shown", async ({ page, signInAs }) => {
  await signInAs("agent");
  await page.goto("/analytics?from=2026-11-30&to=2026-11-01");
  await expect(page.getByRole("alert").filter({ hasText: "from: from must be before to" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Last 30 days" })).toHaveAttribute("aria-current", "page");
  const response = await page.request.get("/analytics/export?period_days=0");
  expect(response.status()).toBe(400);
  expect(await response.json()).toMatchObject({ fields: { period_days: ["period_days must be at least 1"] } });
});

test("an agent reads support metrics and the backlog but is refused MCP usage", async ({ page, signInAs }) => {
  await signInAs("agent");
  const analytics = new AnalyticsPage(page);
  await analytics.open();
  await expect(analytics.chartSurface("chart-volume")).toBeVisible();
  await expect(page.getByTestId("stat-backlog")).toBeVisible();
  await expect(page.getByRole("heading", { name: "MCP usage" })).toHaveCount(0);
  await expect(page.getByText("MCP usage by client and tool is shown to admins and owners.")).toBeVisible();

  const refused = await page.request.get("/analytics/export?sections=mcp_usage");
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ error: "admin_required" });
  const own = sectionsOf((await analytics.exportCsv()).text);
  expect(own.has("Totals")).toBe(true);
  expect(own.has("MCP usage by client")).toBe(false);
});
