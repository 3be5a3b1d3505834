// Confirmation of destructive MCP actions as an owner sets it up: the workspace setting on the
// settings page (with its bulk threshold), and a key that asks for confirmation on its own; an MCP
// client on a 2025 revision is then refused with confirmation_required until it confirms.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { ApiAccessPage } from "./pages/api-access-page";

async function mcpClient(page: Page, token: string) {
  const client = new Client({ name: "e2e-confirmation", version: "1.0.0" });
  const url = new URL("/api/v1/mcp", page.url());
  await client.connect(
    new StreamableHTTPClientTransport(url, { requestInit: { headers: { Authorization: `Bearer ${token}` } } }),
  );
  return client;
}

type CallResult = { isError?: boolean; structuredContent?: Record<string, unknown>; content?: { text: string }[] };
async function call(client: Client, name: string, args: Record<string, unknown>) {
  const result = (await client.callTool({ name, arguments: args })) as CallResult;
  const body = result.isError ? JSON.parse(result.content![0]!.text) : result.structuredContent;
  return { isError: Boolean(result.isError), body: body as Record<string, string> };
}

async function setConfirmation(page: Page, on: boolean, bulkOver: string) {
  await page.goto("/settings/workspace");
  const form = page.getByTestId("mcp-confirmation-form");
  await form
    .getByRole("group", { name: "Confirm destructive MCP actions" })
    .getByLabel(on ? "On" : "Off", { exact: true })
    .check();
  await form.getByLabel("Bulk changes over this many tickets confirm").fill(bulkOver);
  await form.getByRole("button", { name: "Save" }).click();
  return form;
}

test("an owner turns on confirmation, and an MCP client confirms a delete with the token", async ({
  page,
  signInAs,
}) => {
  await signInAs("owner");
  const form = await setConfirmation(page, true, "3");
  await expect(form.getByText("Destructive MCP actions confirm first (bulk changes over 3 tickets).")).toBeVisible();
  await page.reload();
  await expect(
    form.getByRole("group", { name: "Confirm destructive MCP actions" }).getByLabel("On", { exact: true }),
  ).toBeChecked();
  await expect(form.getByLabel("Bulk changes over this many tickets confirm")).toHaveValue("3");

  const apiAccess = new ApiAccessPage(page);
  await apiAccess.goto();
  const secret = await apiAccess.createKey("E2E confirming client", { writeFamilies: ["Macros"] });
  const client = await mcpClient(page, secret);
  const created = await call(client, "create_macro", {
    name: "E2E disposable macro",
    shared: true,
    actions: { priority: "low" },
  });
  expect(created.isError, JSON.stringify(created.body)).toBe(false);
  const macro = created.body.id;

  const asked = await call(client, "delete_macro", { macro });
  expect(asked).toMatchObject({ isError: true, body: { error: "confirmation_required" } });
  expect(asked.body.message).toContain("confirm");
  const confirmed = await call(client, "delete_macro", { macro, confirm: asked.body.confirm_token });
  expect(confirmed).toMatchObject({ isError: false, body: { deleted: true } });

  // Off again: the next delete goes straight through.
  await setConfirmation(page, false, "3");
  await expect(page.getByText("Destructive MCP actions no longer ask for confirmation.")).toBeVisible();
  const another = await call(client, "create_macro", {
    name: "E2E second macro",
    shared: true,
    actions: { priority: "low" },
  });
  expect(another.isError, JSON.stringify(another.body)).toBe(false);
  expect(await call(client, "delete_macro", { macro: another.body.id })).toMatchObject({ isError: false });
  await client.close();
});

test("a key created to confirm destructive actions asks even when the workspace does not", async ({
  page,
  signInAs,
}) => {
  await signInAs("owner");
  const apiAccess = new ApiAccessPage(page);
  await apiAccess.goto();
  const secret = await apiAccess.createKey("E2E careful key", { writeFamilies: ["Macros"], confirmDestructive: true });
  await page.reload();
  await expect(apiAccess.row("E2E careful key")).toContainText("Confirms destructive actions");

  const client = await mcpClient(page, secret);
  const created = await call(client, "create_macro", {
    name: "E2E careful macro",
    shared: true,
    actions: { priority: "low" },
  });
  expect(created.isError, JSON.stringify(created.body)).toBe(false);
  const asked = await call(client, "delete_macro", { macro: created.body.id });
  expect(asked.body).toMatchObject({ error: "confirmation_required" });
  await client.close();
});
