import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { expect, test } from "./fixtures";
import { AgentsPage } from "./pages/agents-page";
import { ApiAccessPage } from "./pages/api-access-page";
import { confirmAction } from "./pages/confirm";
import { McpProfilePage } from "./pages/mcp-profile-page";

async function mcpClient(url: string, token: string) {
  const client = new Client({ name: "e2e", version: "1.0.0" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }),
  );
  return client;
}

test("an admin creates a key, uses it from an MCP client, revokes it, and the next call gets 401", async ({
  page,
  signInAs,
}) => {
  await signInAs("admin");
  const apiAccess = new ApiAccessPage(page);
  await apiAccess.goto();
  const secret = await apiAccess.createKey("E2E pipeline", { writeFamilies: ["Tags"] });
  expect(secret).toMatch(/^dbk_[0-9A-Za-z]{36}$/);

  // Shown once: after a reload only the masked form remains.
  await page.reload();
  await expect(page.getByTestId("new-secret")).toHaveCount(0);
  await expect(apiAccess.row("E2E pipeline")).toContainText(`dbk_…${secret.slice(-4)}`);
  expect(await page.content()).not.toContain(secret);

  const url = new URL("/api/v1/mcp", page.url()).toString();
  const client = await mcpClient(url, secret);
  const result = await client.callTool({ name: "add_ticket_tags", arguments: { ticket: 5, tags: ["from-e2e-key"] } });
  expect(result.isError).toBeFalsy();
  await page.reload();
  // Last used now shows the time and address of that call.
  await expect(apiAccess.row("E2E pipeline")).toContainText(/from \S+/);

  // The call shows in the workspace's usage chart.
  await expect(page.getByTestId("usage-chart").locator("svg.recharts-surface").first()).toBeVisible();
  // Usage is written in batches about once a second: reload until it shows.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("usage-total")).toHaveText(/^[1-9]\d* calls in 14 days$/, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });

  await apiAccess.revoke("E2E pipeline");
  await expect(client.listTools()).rejects.toThrow(/401|invalid/i);
  await client.close().catch(() => undefined);
});

test("an agent generates tokens up to ten; the eleventh is refused with a clear message", async ({
  page,
  signInAs,
}) => {
  await signInAs("agent");
  const profile = new McpProfilePage(page);
  await profile.goto();
  await expect(page.getByTestId("mcp-url")).toContainText("/api/v1/mcp");
  const existing = await profile.tokenRows().count();
  for (let i = existing; i < 10; i++) {
    await profile.generate(`Device ${i + 1}`);
    await expect(profile.tokenRows()).toHaveCount(i + 1);
  }
  const token = (await page.getByTestId("new-secret").textContent())!.trim();
  expect(token).toMatch(/^dbp_/);
  const client = await mcpClient(await profile.mcpUrl(), token);
  const me = await client.callTool({ name: "get_me", arguments: {} });
  expect(me.structuredContent).toMatchObject({ role: "agent", user: { email: "ava@acme.test" } });
  await client.close();

  await profile.generate("One too many");
  await expect(page.getByRole("alert").filter({ hasText: "You already have 10 active tokens" })).toBeVisible();
  await expect(profile.tokenRows()).toHaveCount(10);
});

test("connect-a-client shows copyable setup for each client, for a token or OAuth", async ({ page, signInAs }) => {
  await signInAs("agent");
  await new McpProfilePage(page).goto();
  const setup = page.getByTestId("client-setup");
  await expect(setup).toContainText("claude mcp add --transport http deskbridge");
  await expect(setup).toContainText('--header "Authorization: Bearer');
  await page.getByRole("tab", { name: "Messages API" }).click();
  await expect(setup).toContainText('"mcp_servers"');
  await page.getByRole("radio", { name: "OAuth" }).click();
  await page.getByRole("tab", { name: "Claude Code" }).click();
  await expect(setup).not.toContainText("Authorization");
});

test("an admin sees and revokes an agent's token, then offboards and reactivates them", async ({ page, signInAs }) => {
  // The agent makes sure they hold at least two tokens.
  await signInAs("agent");
  const profile = new McpProfilePage(page);
  await profile.goto();
  for (const name of ["Laptop", "Phone"]) {
    if ((await profile.tokenRows().count()) >= 10) await profile.revokeFirstToken();
    await profile.generate(name);
    await expect(page.getByTestId("new-secret")).toBeVisible();
  }
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  await signInAs("admin");
  const agents = new AgentsPage(page);
  await agents.open("Ava Agarwal");
  const creds = page.getByTestId("agent-credentials").getByRole("listitem");
  await expect(creds.first()).toBeVisible();
  const before = await creds.count();
  expect(before).toBeGreaterThan(0);
  await confirmAction(page, creds.first().getByRole("button", { name: /Revoke/ }), {
    says: "is refused from its next request",
  });
  await expect(creds).toHaveCount(before - 1);
  await agents.offboard("Ava Agarwal", `Ava Agarwal can no longer sign in to Acme Support`);
  await expect(creds).toHaveCount(0);
  // Later tests sign in as Ava: give the workspace back.
  await agents.reactivate();
});

test("the tool reference is readable signed out", async ({ page }) => {
  await page.goto("/docs/mcp");
  await expect(page.getByRole("heading", { name: "MCP server: tools and scopes" })).toBeVisible();
  await expect(page.getByTestId("tool-reference")).toContainText("search_tickets");
  await expect(page.getByTestId("tool-reference")).toContainText("create_api_key");
});
