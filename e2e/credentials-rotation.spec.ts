import { randomBytes } from "node:crypto";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { ApiAccessPage } from "./pages/api-access-page";
import { confirmAction } from "./pages/confirm";
import { McpProfilePage } from "./pages/mcp-profile-page";

const suffix = () => randomBytes(3).toString("hex");
const lastFour = (secret: string) => secret.slice(-4);

/** The status of one tools/list the way an MCP client sends it, with this bearer. */
async function mcpStatus(page: Page, secret: string) {
  const response = await page.request.post("/api/v1/mcp", {
    headers: {
      Authorization: `Bearer ${secret}`,
      "Content-Type": "application/json",
      Accept: "application/json, text/event-stream",
    },
    data: { jsonrpc: "2.0", id: 1, method: "tools/list", params: {} },
  });
  return { status: response.status(), body: await response.text() };
}

/** One tool call through the official SDK client, as a configured MCP client makes it. */
async function callGetMe(page: Page, secret: string) {
  const client = new Client({ name: "e2e-rotation", version: "1.0.0" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL("/api/v1/mcp", page.url()), {
      requestInit: { headers: { Authorization: `Bearer ${secret}` } },
    }),
  );
  const result = await client.callTool({ name: "get_me", arguments: {} });
  await client.close();
  return result.isError !== true;
}

test("an admin rotates a key with an overlap: the new secret is shown once, the old one is listed as expiring until it is ended", async ({
  page,
  signInAs,
}) => {
  await signInAs("admin");
  const apiAccess = new ApiAccessPage(page);
  await apiAccess.goto();
  const name = `Billing sync ${suffix()}`;
  const oldSecret = await apiAccess.createKey(name);
  const row = () => apiAccess.row(name);
  await expect(row().getByTestId("key-calls")).toHaveText("0");
  expect(await callGetMe(page, oldSecret)).toBe(true);
  // The call shows in the key's row (the per-call record is written just after the answer).
  await expect(async () => {
    await page.reload();
    await expect(row().getByTestId("key-calls")).toHaveText("1", { timeout: 1000 });
  }).toPass();
  await expect(row()).toContainText(/(now|ago) from \S+/);

  await row()
    .getByRole("button", { name: `Rotate ${name}` })
    .click();
  await page.getByLabel(`Overlap for ${name}`).selectOption("24h");
  await page.getByRole("button", { name: "Rotate now" }).click();
  const rotated = page.getByRole("status", { name: "Rotated API key" });
  await expect(rotated).toContainText(name);
  await expect(rotated).toContainText(`…${lastFour(oldSecret)} keeps working until`);
  const newSecret = (await rotated.getByTestId("new-secret").textContent())!.trim();
  expect(newSecret).toMatch(/^dbk_/);
  expect(newSecret).not.toBe(oldSecret);
  // The row shows the new secret's mask and the old one as expiring.
  await expect(row()).toContainText(`…${lastFour(newSecret)}`);
  await expect(row().getByTestId("previous-secret")).toContainText(`…${lastFour(oldSecret)}`);
  await expect(row().getByTestId("previous-secret")).toContainText("expires");

  // During the overlap both secrets work.
  expect(await callGetMe(page, oldSecret)).toBe(true);
  expect(await callGetMe(page, newSecret)).toBe(true);

  // Shown once: after a reload the secret is nowhere on the page.
  await page.reload();
  await expect(page.getByTestId("new-secret")).toHaveCount(0);
  await expect(page.getByText(newSecret)).toHaveCount(0);
  await expect(row().getByTestId("previous-secret")).toBeVisible();

  await confirmAction(page, row().getByRole("button", { name: `End the old secret of ${name}` }), {
    verb: "End",
    says: "refused from their next request",
  });
  await expect(row().getByTestId("previous-secret")).toHaveCount(0);
  expect((await mcpStatus(page, oldSecret)).status).toBe(401);
  expect((await mcpStatus(page, newSecret)).status).toBe(200);
});

test("an admin edits a key's IP allow-list, renames it, and finds it under the revoked filter", async ({
  page,
  signInAs,
}) => {
  await signInAs("admin");
  const apiAccess = new ApiAccessPage(page);
  await apiAccess.goto();
  const name = `Office relay ${suffix()}`;
  const secret = await apiAccess.createKey(name);
  const row = () => apiAccess.row(name);
  await expect(row().getByTestId("ip-allow-list")).toContainText("Any address");

  await row()
    .getByRole("button", { name: `Edit IP allow-list of ${name}` })
    .click();
  const list = page.getByLabel(`Addresses ${name} is accepted from`);
  await list.fill("203.0.113.0/24\n10.0.0.0/33");
  await page
    .getByRole("form", { name: `IP allow-list of ${name}` })
    .getByRole("button", { name: "Save" })
    .click();
  await expect(page.getByRole("alert").filter({ hasText: "CIDR" })).toBeVisible();
  await list.fill("203.0.113.0/24");
  await page
    .getByRole("form", { name: `IP allow-list of ${name}` })
    .getByRole("button", { name: "Save" })
    .click();
  await expect(row().getByTestId("ip-allow-list")).toContainText("203.0.113.0/24");
  // The next request from this address is refused, saying why.
  const refused = await mcpStatus(page, secret);
  expect(refused.status).toBe(403);
  expect(refused.body).toContain("ip_not_allowed");

  await row()
    .getByRole("button", { name: `Edit IP allow-list of ${name}` })
    .click();
  await list.fill("");
  await page
    .getByRole("form", { name: `IP allow-list of ${name}` })
    .getByRole("button", { name: "Save" })
    .click();
  await expect(row().getByTestId("ip-allow-list")).toContainText("Any address");
  expect((await mcpStatus(page, secret)).status).toBe(200);

  const renamed = `Office relay (old) ${suffix()}`;
  await row()
    .getByRole("button", { name: `Rename ${name}` })
    .click();
  await page.getByLabel(`New name for ${name}`).fill(renamed);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(apiAccess.row(renamed)).toHaveAttribute("data-status", "active");

  await apiAccess.revoke(renamed);
  const show = page.getByLabel("Show", { exact: true });
  await show.selectOption("active");
  await expect(apiAccess.row(renamed)).toHaveCount(0);
  await show.selectOption("revoked");
  await expect(apiAccess.row(renamed)).toHaveAttribute("data-status", "revoked");
  // A revoked key offers neither rotation nor an allow-list edit.
  await expect(apiAccess.row(renamed).getByRole("button")).toHaveCount(0);
});

test("an agent rotates a personal token with no overlap: the old secret stops at once", async ({ page, signInAs }) => {
  await signInAs("agent");
  const profile = new McpProfilePage(page);
  await profile.goto();
  const name = `Editor ${suffix()}`;
  await profile.generate(name);
  const oldSecret = (await page.getByTestId("new-secret").textContent())!.trim();
  const row = () => profile.tokenRows().filter({ hasText: name });
  expect((await mcpStatus(page, oldSecret)).status).toBe(200);

  await row()
    .getByRole("button", { name: `Rotate ${name}` })
    .click();
  await page.getByLabel(`Overlap for ${name}`).selectOption("none");
  await page.getByRole("button", { name: "Rotate now" }).click();
  const rotated = page.getByRole("status", { name: "Rotated token" });
  await expect(rotated).toContainText("no longer works");
  const newSecret = (await rotated.getByTestId("new-secret").textContent())!.trim();
  await expect(row()).toContainText(`…${lastFour(newSecret)}`);
  await expect(row().getByTestId("previous-secret")).toHaveCount(0);
  expect((await mcpStatus(page, oldSecret)).status).toBe(401);
  expect((await mcpStatus(page, newSecret)).status).toBe(200);
  await expect(row().getByTestId("token-calls")).toHaveText("0");
});
