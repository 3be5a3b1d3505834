import { expect, test } from "./fixtures";

test.beforeEach(async ({ signInAs }) => {
  await signInAs("agent");
});

test("the status filter shows only tickets in that status", async ({ page, ticketsPage }) => {
  await ticketsPage.goto();
  await ticketsPage.filter("Status", "pending");
  await expect(page).toHaveURL(/status=pending/);
  const statuses = await ticketsPage.rows().evaluateAll((rows) => rows.map((r) => r.getAttribute("data-status")));
  expect(statuses.length).toBeGreaterThan(0);
  expect(new Set(statuses)).toEqual(new Set(["pending"]));
  // The count above the list is every pending ticket: the rows of this page and of every next one.
  const counted = await ticketsPage.count().textContent();
  let total = statuses.length;
  const next = page.getByRole("link", { name: "Next page →" });
  while ((await next.count()) > 0) {
    const before = page.url();
    await next.click();
    await page.waitForURL((url) => url.toString() !== before);
    total += await ticketsPage.rows().count();
  }
  expect(counted).toBe(`${total} ticket${total === 1 ? "" : "s"}`);
});

test("search finds tickets by words in their messages, highlights where, and pages onward", async ({
  page,
  ticketsPage,
}) => {
  await ticketsPage.goto();
  await ticketsPage.search("duplicate");
  await expect(ticketsPage.rows().first()).toBeVisible();
  await expect(ticketsPage.highlights().first()).toHaveText(/^duplicate/i);
  await expect(ticketsPage.count()).toHaveText(/^[1-9]\d* tickets?$/);
  await ticketsPage.goto();
  await expect(ticketsPage.rows()).toHaveCount(25);
  const firstPage = (await ticketsPage.rows().first().textContent())!;
  await page.getByRole("link", { name: "Next page →" }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(ticketsPage.rows()).toHaveCount(25);
  await expect(ticketsPage.rows().first()).not.toHaveText(firstPage);
});

test("actions on a ticket show in its activity history under the agent's name", async ({
  ticketsPage,
  ticketPage,
  page,
}) => {
  await ticketsPage.goto("?status=open");
  const subject = (await ticketsPage.rows().first().getByRole("link").textContent())!;
  await ticketsPage.open(subject);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(subject);

  await ticketPage.addTags("e2e-check");
  await expect(page.getByTestId("ticket-tags")).toContainText("e2e-check");
  await expect(ticketPage.activity()).toContainText("Ava Agarwal added tag e2e-check");

  await ticketPage.assign("Ava Agarwal");
  await expect(ticketPage.activity()).toContainText("Ava Agarwal assigned it to Ava Agarwal");

  const team =
    (await page.getByLabel("Team").locator("option:checked").textContent()) === "Sales" ? "Billing" : "Sales";
  await ticketPage.transfer(team);
  await expect(ticketPage.activity()).toContainText(`Ava Agarwal transferred it to ${team}`);

  const from = await page.getByLabel("Priority").inputValue();
  const to = from === "urgent" ? "low" : "urgent";
  await ticketPage.setPriority(to);
  await expect(ticketPage.activity()).toContainText(`Ava Agarwal changed priority from ${from} to ${to}`);

  await ticketPage.reply("Thanks, we are on it.");
  await expect(ticketPage.messages().last()).toContainText("Thanks, we are on it.");
  await expect(ticketPage.messages().last()).toContainText("Ava Agarwal");

  await ticketPage.resolve();
  await expect(ticketPage.activity()).toContainText("Ava Agarwal set status to resolved");
});

test("an empty reply gets a field message, not an error page", async ({ ticketPage, page }) => {
  await ticketPage.goto(3);
  await ticketPage.reply("   ");
  await expect(page.getByRole("alert").filter({ hasText: "message cannot be empty" })).toBeVisible();
});
