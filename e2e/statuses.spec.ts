import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures";
import { StatusesPage } from "./pages/statuses-page";

test("an admin creates a sub-status, sets it on a ticket, and the list filters by it", async ({
  page,
  signInAs,
  ticketsPage,
}) => {
  const name = `Waiting on customs ${randomBytes(2).toString("hex")}`;
  await signInAs("admin");
  const statuses = new StatusesPage(page);
  await statuses.goto();
  await statuses.create(name, "pending", "teal");
  await expect(statuses.row(name)).toContainText("0 tickets");
  await expect(statuses.row(name).getByTestId("case-status")).toHaveAttribute("data-color", "teal");

  // A ticket that is open: the sub-status of pending brings the pending status with it.
  await ticketsPage.goto("?status=open");
  const number = await ticketsPage.numberOf(0);
  await page.goto(`/tickets/${number}`);
  const picker = page.getByLabel("Status and sub-status");
  const value = await picker.locator("option", { hasText: name }).getAttribute("value");
  await picker.selectOption(value!);
  await page.getByRole("button", { name: "Set status" }).click();
  await expect(page.getByTestId("ticket-status")).toHaveText("pending");
  await expect(page.getByTestId("case-status").first()).toHaveText(name);
  await expect(page.getByTestId("timeline")).toContainText(`set status to pending and sub-status to ${name}`);

  await ticketsPage.goto();
  await ticketsPage.filter("Sub-status", `pending › ${name}`);
  await expect(page).toHaveURL(/case_status=/);
  await expect(ticketsPage.rows()).toHaveCount(1);
  await expect(ticketsPage.rows().first()).toContainText(name);
  await expect(ticketsPage.count()).toHaveText("1 ticket");

  // In use, it cannot be deleted: the page says why.
  await statuses.goto();
  await expect(statuses.row(name)).toContainText("1 ticket");
  await statuses
    .row(name)
    .getByRole("button", { name: `Delete ${name}` })
    .click();
  await expect(statuses.row(name).getByRole("alert")).toContainText("is on 1 ticket");

  // Moving the ticket to another base status clears the sub-status; then it deletes.
  await page.goto(`/tickets/${number}`);
  await page.getByLabel("Status and sub-status").selectOption("open");
  await page.getByRole("button", { name: "Set status" }).click();
  await expect(page.getByTestId("ticket-status")).toHaveText("open");
  await expect(page.getByTestId("case-status")).toHaveCount(0);
  await statuses.goto();
  await statuses
    .row(name)
    .getByRole("button", { name: `Delete ${name}` })
    .click();
  await expect(statuses.row(name)).toHaveCount(0);
});

test("workflow rules save and show again; zero days of auto-close is refused", async ({ page, signInAs }) => {
  await signInAs("admin");
  const statuses = new StatusesPage(page);
  await statuses.goto();
  const autoClose = page.getByLabel("Close resolved tickets after (days without a reply)");
  await autoClose.fill("0");
  await page.getByRole("button", { name: "Save rules" }).click();
  // The form does not go: the field itself says what is wrong (the server refuses 0 as well).
  expect(await autoClose.evaluate((el: HTMLInputElement) => el.validity.rangeUnderflow)).toBe(true);
  await autoClose.fill("14");
  await page.getByLabel("Closed tickets reopen within (days)").fill("30");
  await page.getByRole("button", { name: "Save rules" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Workflow rules saved." })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Closed tickets reopen within (days)")).toHaveValue("30");
  await expect(autoClose).toHaveValue("14");
  // Back to the seeded rules, so the demo's resolved tickets stay as they were.
  await autoClose.fill("");
  await page.getByRole("button", { name: "Save rules" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Workflow rules saved." })).toBeVisible();
});

test("the statuses page fits a 390 px phone without sideways scrolling", async ({ page, signInAs }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs("admin");
  const statuses = new StatusesPage(page);
  await statuses.goto();
  await expect(page.getByTestId("case-status-row").first()).toBeVisible();
  await statuses.row("Awaiting refund").getByRole("button", { name: "Edit" }).click();
  await expect(page.getByRole("form", { name: "Edit Awaiting refund" })).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
