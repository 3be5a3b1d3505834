import { AppChrome } from "./pages/app-chrome";
import { McpProfilePage } from "./pages/mcp-profile-page";
import { expect, test } from "./fixtures";

test("an unknown address is a branded 404 with the way back: sign-in when signed out, the tickets when signed in", async ({
  page,
  signInAs,
}) => {
  const response = await page.goto("/no-such-page-here");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Deskbridge" })).toBeVisible();
  await page.getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/login/);

  await signInAs("agent");
  expect((await page.goto("/tickets/999999999"))?.status()).toBe(404);
  await page.getByRole("link", { name: "Back to your tickets" }).click();
  await expect(page.getByRole("heading", { name: "Tickets", exact: true })).toBeVisible();
});

test("the app has a favicon", async ({ page, request }) => {
  await page.goto("/login");
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toMatch(/^\/icon\.svg/);
  const icon = await request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});

test("the MCP docs list each tool's parameters signed out, and sit in the app's navigation signed in", async ({
  page,
  signInAs,
}) => {
  await page.goto("/docs/mcp");
  const search = page.locator('[data-testid="tool-parameters"][data-tool="search_tickets"]');
  const createdAfter = search.locator('tr[data-parameter="created_after"]');
  await expect(createdAfter).toContainText("date | date-time");
  await expect(createdAfter).toContainText("optional");
  const create = page.locator('[data-testid="tool-parameters"][data-tool="create_ticket"]');
  await expect(create.locator('tr[data-parameter="subject"]')).toContainText("required");
  await expect(create.locator('tr[data-parameter="priority"]')).toContainText("one of low, normal, high, urgent");
  await expect(page.getByTestId("current-user")).toHaveCount(0);

  await signInAs("agent");
  await page.goto("/docs/mcp");
  await expect(page.getByRole("heading", { name: "MCP server: tools and scopes" })).toBeVisible();
  await expect(page.getByTestId("current-user")).toContainText("Ava Agarwal");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Tickets" }).click();
  await expect(page).toHaveURL(/\/tickets$/);
});

test("the Messages API setup names the MCP connector's beta header and says the URL must be public", async ({
  page,
  signInAs,
}) => {
  await signInAs("agent");
  await new McpProfilePage(page).goto();
  await page.getByRole("tab", { name: "Messages API" }).click();
  const setup = page.getByTestId("client-setup");
  await expect(setup).toContainText('-H "anthropic-beta: mcp-client-2025-11-20"');
  await expect(setup).toContainText('"mcp_servers"');
  await expect(setup).toContainText('"mcp_toolset"');
  await expect(page.getByText(/must be publicly reachable/)).toBeVisible();
  // The header sits in the app's chrome on every page, the profile included.
  await expect(new AppChrome(page).themeToggle()).toBeVisible();
});

test("a page that fails is a branded error page with a retry and the way back", async ({ page, signInAs }) => {
  await signInAs("agent");
  // The profile page reads the browser's language as it renders; a browser that fails there breaks the page.
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, "language", {
      get() {
        if (location.pathname === "/profile") throw new Error("language unavailable");
        return "en-GB";
      },
    });
  });
  await page.goto("/profile");
  await expect(page.getByRole("heading", { name: "Something went wrong" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Deskbridge" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  await page.getByRole("link", { name: "Back to your tickets" }).click();
  await expect(page.getByRole("heading", { name: "Tickets", exact: true })).toBeVisible();
});
