import { randomBytes } from "node:crypto";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { expect, test } from "./fixtures";
import { ApiAccessPage } from "./pages/api-access-page";
import { confirmAction } from "./pages/confirm";
import { McpProfilePage } from "./pages/mcp-profile-page";

const token = () => randomBytes(3).toString("hex");

test("a personal token's row shows when it was made and where it was last used; it renames, and revoked ones are a filter away", async ({
  page,
  signInAs,
}) => {
  await signInAs("owner");
  const profile = new McpProfilePage(page);
  await profile.goto();
  const name = `Laptop ${token()}`;
  await profile.generate(name);
  const secret = (await page.getByTestId("new-secret").textContent())!.trim();
  const row = () => profile.tokenRows().filter({ hasText: name });
  await expect(row()).toContainText("Never");
  await expect(row().locator("time").first()).toHaveAttribute("title", /\d/);

  const client = new Client({ name: "e2e", version: "1.0.0" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL("/api/v1/mcp", page.url()), {
      requestInit: { headers: { Authorization: `Bearer ${secret}` } },
    }),
  );
  await client.listTools();
  await client.close();
  await page.reload();
  // Last used: a relative time and the address, like the API key list.
  await expect(row()).toContainText(/(now|ago) from \S+/);

  const renamed = `Desk ${token()}`;
  await row()
    .getByRole("button", { name: `Rename ${name}` })
    .click();
  await page.getByLabel(`New name for ${name}`).fill("  ");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Name is required." })).toBeVisible();
  await page.getByLabel(`New name for ${name}`).fill(renamed);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const renamedRow = profile.tokenRows().filter({ hasText: renamed });
  await expect(renamedRow).toHaveAttribute("data-status", "active");

  await confirmAction(page, renamedRow.getByRole("button", { name: /^Revoke/ }));
  await expect(profile.tokenRows().filter({ hasText: renamed })).toHaveCount(0);
  await page.getByLabel("Show", { exact: true }).selectOption("revoked");
  await expect(profile.tokenRows().filter({ hasText: renamed })).toHaveAttribute("data-status", "revoked");
  await expect(profile.tokenRows().filter({ hasText: renamed }).getByRole("button")).toHaveCount(0);
});

test("an admin renames an API key and filters the list to revoked keys", async ({ page, signInAs }) => {
  await signInAs("admin");
  const apiAccess = new ApiAccessPage(page);
  await apiAccess.goto();
  const name = `Export ${token()}`;
  await apiAccess.createKey(name);
  const renamed = `Nightly report ${token()}`;
  await apiAccess
    .row(name)
    .getByRole("button", { name: `Rename ${name}` })
    .click();
  await page.getByLabel(`New name for ${name}`).fill(renamed);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(apiAccess.row(renamed)).toHaveAttribute("data-status", "active");
  await expect(apiAccess.row(name)).toHaveCount(0);

  await apiAccess.revoke(renamed);
  const show = page.getByLabel("Show", { exact: true });
  await show.selectOption("active");
  await expect(apiAccess.row(renamed)).toHaveCount(0);
  await show.selectOption("revoked");
  await expect(apiAccess.row(renamed)).toHaveAttribute("data-status", "revoked");
  const statuses = await page.getByTestId("api-key-row").evaluateAll((rows) => rows.map((r) => r.dataset.status));
  expect(new Set(statuses)).toEqual(new Set(["revoked"]));
  await show.selectOption("expired");
  await expect(apiAccess.row(renamed)).toHaveCount(0);
});
