// Every page of the signed-in app and the public help center at phone width (390 px): the page itself
// never scrolls sideways (wide tables scroll inside their own box) and the header's links stay reachable.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { ApiAccessPage } from "./pages/api-access-page";
import { McpProfilePage } from "./pages/mcp-profile-page";

const PHONE = { width: 390, height: 844 };
const WORKSPACE = "acme";

async function pageWidth(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/** The first link of a list page whose address starts with the prefix (a detail page to visit). */
async function firstDetail(page: Page, list: string, prefix: string) {
  await page.goto(list);
  const href = await page.locator(`main a[href^="${prefix}"]`).first().getAttribute("href");
  expect(href, `a ${prefix}… link on ${list}`).toBeTruthy();
  return href!.split("?")[0]!;
}

test.use({ viewport: PHONE });

test("every signed-in page fits 390 px without scrolling sideways", async ({ page, signInAs }) => {
  await signInAs("admin");
  const ticket = await firstDetail(page, "/tickets", "/tickets/");
  const contact = await firstDetail(page, "/contacts", "/contacts/");
  const company = await firstDetail(page, "/companies", "/companies/");
  const article = await firstDetail(page, "/knowledge", "/knowledge/");
  const agent = await firstDetail(page, "/admin/agents", "/admin/agents/");
  const paths = [
    "/tickets",
    "/tickets?status=open&priority=urgent",
    ticket,
    "/tickets/new",
    "/contacts",
    contact,
    "/companies",
    company,
    "/settings/macros",
    "/settings/snippets",
    "/knowledge",
    "/knowledge/new",
    article,
    "/settings/statuses",
    "/settings/sla",
    "/tickets?sla=breached",
    "/settings/workspace",
    "/settings/api-access",
    "/settings/audit",
    "/settings/jobs",
    "/settings/automations",
    "/notifications",
    "/profile/notifications",
    "/profile/mcp",
    "/admin/agents",
    agent,
  ];
  const wide: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    const width = await pageWidth(page);
    if (width > PHONE.width) wide.push(`${path}: ${width}px`);
  }
  // A secret shown once is one long unbroken string; the page still holds it without sideways scroll.
  const profile = new McpProfilePage(page);
  await profile.goto();
  await profile.generate("Phone width check");
  await expect(page.getByTestId("new-secret")).toBeVisible();
  await expect(profile.tokenRows().first()).toBeVisible();
  if ((await pageWidth(page)) > PHONE.width) wide.push(`/profile/mcp with a new token: ${await pageWidth(page)}px`);
  const apiAccess = new ApiAccessPage(page);
  await apiAccess.goto();
  await apiAccess.createKey("Phone width check");
  if ((await pageWidth(page)) > PHONE.width)
    wide.push(`/settings/api-access with a new key: ${await pageWidth(page)}px`);
  expect(wide).toEqual([]);
});

test("the saved views and the ticket's controls are reachable at 390 px", async ({ page, signInAs }) => {
  await signInAs("agent");
  await page.goto("/tickets");
  const unassigned = page.locator('[data-testid="view-link"][data-view="Unassigned"]');
  await unassigned.scrollIntoViewIfNeeded();
  await expect(unassigned).toBeInViewport();
  await page.getByTestId("ticket-row").first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/tickets\/\d+/);
  const reply = page.getByRole("button", { name: /^Send/ }).first();
  await reply.scrollIntoViewIfNeeded();
  await expect(reply).toBeInViewport();
  expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
});

test("the header keeps its main links and folds the rest behind More at 390 px; the status menu stays reachable", async ({
  page,
  signInAs,
}) => {
  await signInAs("admin");
  await page.goto("/tickets");
  const header = page.locator("header");
  const within = async (locator: ReturnType<Page["locator"]>, what: string) => {
    await expect(locator, what).toBeVisible();
    const box = (await locator.boundingBox())!;
    expect(box.x, what).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, what).toBeLessThanOrEqual(PHONE.width);
  };
  for (const name of ["Tickets", "Contacts", "Companies", "Knowledge"]) {
    await within(header.getByRole("link", { name, exact: true }), name);
  }
  await expect(header.getByRole("link", { name: "Settings", exact: true })).toBeHidden();
  await header.getByRole("button", { name: "More" }).click();
  for (const name of ["Macros", "Snippets", "MCP Integration", "Settings", "Agents", "Audit log", "Docs"]) {
    await within(header.getByRole("link", { name, exact: true }), name);
  }
  expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
  await header.getByRole("link", { name: "Settings", exact: true }).click();
  await expect(page).toHaveURL(/\/settings\/workspace$/);
  await expect(header.getByRole("link", { name: "Agents", exact: true })).toBeHidden();

  const status = page.getByTestId("status-menu").locator("summary");
  await within(status, "status menu");
  await status.click();
  await within(page.getByTestId("status-menu").getByRole("button", { name: "Away" }), "Away");
  await within(page.getByRole("button", { name: "Sign out" }), "Sign out");
  expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
  // A tap elsewhere closes it; on the agents list each person's status shows without scrolling the table.
  await page.mouse.click(4, PHONE.height - 4);
  await expect(page.getByTestId("status-menu").getByRole("button", { name: "Away" })).toBeHidden();
  // The notification bell and its menu stay within the screen too.
  const bell = page.getByTestId("notification-bell");
  await within(bell.locator("summary"), "notification bell");
  await bell.locator("summary").click();
  await within(bell.getByRole("link", { name: "All notifications" }), "All notifications");
  expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
  await page.goto("/admin/agents");
  await within(page.getByTestId("member-row").first().getByTestId("agent-status"), "agents list status");
});

test("the public help center and the tool reference fit 390 px", async ({ page }) => {
  await page.goto("/docs/mcp");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await pageWidth(page), "/docs/mcp").toBeLessThanOrEqual(PHONE.width);
  for (const path of [`/help/${WORKSPACE}`, `/help/${WORKSPACE}?q=refund`, `/help/${WORKSPACE}/refund-policy`]) {
    await page.goto(path);
    await expect(page.getByRole("link", { name: /help center$/ })).toBeVisible();
    expect(await pageWidth(page), path).toBeLessThanOrEqual(PHONE.width);
  }
});
