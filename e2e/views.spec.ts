// Saved views and bulk work on the ticket list, and the list at phone width.
import { expect, test } from "./fixtures";
import { TicketListTools } from "./pages/ticket-list-tools";

test.beforeEach(async ({ signInAs }) => {
  await signInAs("agent");
});

test("a bulk change of 20 tickets from the list: select, set status, see the results", async ({
  page,
  ticketsPage,
}) => {
  const tools = new TicketListTools(page);
  await ticketsPage.goto("?status=open&limit=20");
  await expect(ticketsPage.rows()).toHaveCount(20);
  const numbers = await ticketsPage.rows().evaluateAll((rows) => rows.map((r) => r.getAttribute("data-number")));
  await tools.selectAllOnPage();
  await expect(page.getByTestId("selected-count")).toHaveText("20 selected");
  await tools.applyToSelected("Status", "pending");
  await expect(tools.results()).toContainText("20 changed, 0 unchanged, 0 refused.");

  // Every one of them is pending now, and its history says so.
  await ticketsPage.goto("?status=pending&limit=100");
  const pending = await ticketsPage.rows().evaluateAll((rows) => rows.map((r) => r.getAttribute("data-number")));
  expect(pending).toEqual(expect.arrayContaining(numbers));
  await page.goto(`/tickets/${numbers[0]}`);
  await expect(page.getByText("set status to pending").first()).toBeVisible();
});

test("saving the current filters as a view, and opening it with its count", async ({ page, ticketsPage }) => {
  const tools = new TicketListTools(page);
  await ticketsPage.goto("?priority=urgent");
  // The seeded shared views are there with their counts.
  await expect(tools.viewCount("My open")).toHaveText(/^\d[\d,]*$/);
  await expect(tools.viewCount("Unassigned")).toHaveText(/^\d[\d,]*$/);
  const counted = (await ticketsPage.count().textContent())!.replace(/ tickets?$/, "");

  await tools.saveView("Urgent ones");
  await expect(tools.viewCount("Urgent ones")).toHaveText(counted);

  await ticketsPage.goto();
  await tools.view("Urgent ones").click();
  await expect(page).toHaveURL(/priority=urgent/);
  await expect(tools.view("Urgent ones")).toHaveAttribute("aria-current", "page");
  await expect(ticketsPage.count()).toHaveText(new RegExp(`^${counted} tickets?$`));
  const priorities = await ticketsPage.rows().evaluateAll((rows) => rows.map((r) => r.getAttribute("data-priority")));
  expect(new Set(priorities)).toEqual(new Set(["urgent"]));
});

test("the ticket list at 390 px wide never scrolls sideways", async ({ page, ticketsPage }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await ticketsPage.goto();
  await expect(ticketsPage.rows().first()).toBeVisible();
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  // Every row's subject, status and assignee are on screen, not cut off.
  const row = ticketsPage.rows().first();
  for (const cell of await row.locator("td").all()) {
    const box = (await cell.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(391);
  }
  await expect(page.getByRole("link", { name: "Tickets", exact: true })).toBeVisible();
});
