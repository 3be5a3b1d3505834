// Every page of the signed-in app and the public help center at phone width (390 px): the page itself
// never scrolls sideways (wide tables scroll inside their own box) and the header's links stay reachable.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

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
    "/settings/workspace",
    "/settings/api-access",
    "/settings/audit",
    "/settings/jobs",
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
  expect(wide).toEqual([]);
});

test("the saved views and the ticket's controls are reachable at 390 px", async ({ page, signInAs }) => {
  await signInAs("agent");
  await page.goto("/tickets");
  const unassigned = page.getByRole("link", { name: "Unassigned", exact: true });
  await unassigned.scrollIntoViewIfNeeded();
  await expect(unassigned).toBeInViewport();
  await page.getByTestId("ticket-row").first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/tickets\/\d+/);
  const reply = page.getByRole("button", { name: /^Send/ }).first();
  await reply.scrollIntoViewIfNeeded();
  await expect(reply).toBeInViewport();
  expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
});

test("the header's links and status menu stay reachable at 390 px", async ({ page, signInAs }) => {
  await signInAs("admin");
  await page.goto("/tickets");
  for (const name of ["Tickets", "Contacts", "Knowledge", "Settings", "Agents"]) {
    const link = page.locator("header").getByRole("link", { name, exact: true });
    await expect(link, name).toBeVisible();
    const box = (await link.boundingBox())!;
    expect(box.x + box.width, name).toBeLessThanOrEqual(PHONE.width);
  }
  const status = page.getByTestId("status-menu").locator("summary");
  await expect(status).toBeVisible();
  await status.click();
  await expect(page.getByTestId("status-menu").getByRole("button", { name: "Away" })).toBeInViewport();
  expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
});

test("the public help center fits 390 px", async ({ page }) => {
  for (const path of [`/help/${WORKSPACE}`, `/help/${WORKSPACE}?q=refund`, `/help/${WORKSPACE}/refund-policy`]) {
    await page.goto(path);
    await expect(page.getByRole("link", { name: /help center$/ })).toBeVisible();
    expect(await pageWidth(page), path).toBeLessThanOrEqual(PHONE.width);
  }
});
