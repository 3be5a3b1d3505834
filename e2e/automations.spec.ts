import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures";
import { AutomationsPage } from "./pages/automations-page";

test("an admin builds a rule, a new ticket triggers it, and the run shows in the rule's log", async ({
  page,
  signInAs,
}) => {
  const token = randomBytes(3).toString("hex");
  const name = `Flag invoices ${token}`;
  await signInAs("admin");
  const automations = new AutomationsPage(page);
  await automations.goto();
  await automations.startNew();
  const form = automations.form();
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("When").selectOption({ label: "A ticket is created" });
  await automations.addCondition("Subject contains", `invoice ${token}`);
  await automations.addCondition("Priority is", "high");
  await automations.setAction(1, "Add tag", `invoice-${token}`);
  await automations.setAction(2, "Set priority", "urgent");
  // A row left empty is named before anything is saved.
  await automations.setAction(3, "Assign to team");
  await automations.save();
  await expect(form.getByRole("alert").first()).toBeVisible();
  await form.getByRole("button", { name: "Remove action 3" }).click();
  await automations.save();

  const row = automations.row(name);
  await expect(row).toContainText("A ticket is created");
  await expect(row).toContainText(`Subject contains “invoice ${token}” and Priority is high`);
  await expect(row).toContainText(`Add tag invoice-${token}, then Set priority urgent`);

  await page.goto("/tickets/new");
  await page.getByLabel("Contact email").fill(`billing.${token}@example.com`);
  await page.getByLabel("Subject").fill(`Wrong invoice ${token} amount`);
  await page.getByLabel("First message (from the contact)").fill("The invoice total is wrong.");
  await page.getByLabel("Priority").selectOption("high");
  await page.getByRole("button", { name: "Create ticket" }).click();
  await expect(page).toHaveURL(/\/tickets\/\d+$/);
  const number = Number(page.url().split("/").pop());

  // The rule runs in the background: the tag arrives within seconds.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("ticket-tags")).toContainText(`invoice-${token}`, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByTestId("timeline")).toContainText(`invoice-${token}`);

  await automations.goto();
  const log = await automations.openRunLog(name);
  const run = log.locator('[data-run-outcome="ran"]').first();
  await expect(run).toContainText(`#${number}`);
  await expect(run).toContainText(`added tag invoice-${token}`);
  await expect(run).toContainText("priority → urgent");

  // Turned off, it says so in the list.
  await row.getByLabel(`${name} turned on`).uncheck();
  await expect(row).toContainText("Off");
});
