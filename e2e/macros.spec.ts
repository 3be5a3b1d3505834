import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { MacrosPage } from "./pages/macros-page";
import type { TicketsPage } from "./pages/tickets-page";

test.beforeEach(async ({ signInAs }) => {
  await signInAs("agent");
});

/** Opens an open ticket other specs leave alone (the last row of the open list) and returns its number. */
async function openAnOpenTicket(page: Page, ticketsPage: TicketsPage) {
  await ticketsPage.goto("?status=open&sort=created");
  const link = ticketsPage.rows().last().getByRole("link").first();
  await link.click();
  await expect(page).toHaveURL(/\/tickets\/\d+$/);
  return Number(page.url().split("/").pop());
}

test("an agent saves a macro, previews it on a ticket and applies it in one click", async ({ page, ticketsPage }) => {
  const macros = new MacrosPage(page);
  const name = `Escalate ${Date.now().toString(36)}`;
  await macros.goto();
  await macros.startNew();
  const form = macros.form();
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Kind").selectOption("note");
  await form.getByLabel("Text").fill("Escalating #{{ticket.number}} for {{contact.nick}}");
  await form.getByLabel("Priority").selectOption("urgent");
  await form.getByLabel("Add tags").fill("e2e-macro");
  await macros.save();
  // The shared schema names the unknown placeholder before anything is saved.
  await expect(form.getByRole("alert")).toContainText(/unknown placeholder \{\{contact\.nick\}\}/i);
  await form.getByLabel("Text").fill("Escalating #{{ticket.number}} for {{contact.first_name}}");
  await macros.save();
  await expect(macros.row(name)).toContainText("Personal");
  await expect(macros.row(name)).toContainText("Priority → urgent · Add tags e2e-macro · Internal note");

  const number = await openAnOpenTicket(page, ticketsPage);
  const preview = await macros.preview(name);
  await expect(preview.getByTestId("macro-preview-message")).toHaveText(new RegExp(`^Escalating #${number} for \\S+$`));
  await expect(preview.getByRole("list", { name: "Changes" })).toContainText("add tags e2e-macro");
  await expect(preview.getByRole("list", { name: "Changes" })).toContainText(/priority (\w+ → urgent|stays urgent)/);
  // Nothing changed yet.
  await expect(page.getByTestId("timeline")).not.toContainText(`Escalating #${number}`);

  await preview.getByRole("button", { name: "Apply macro" }).click();
  await expect(page.getByTestId("macro-apply").getByRole("status")).toContainText(`Applied “${name}”`);
  await expect(page.getByTestId("timeline")).toContainText(`Escalating #${number} for`);
  await expect(page.getByTestId("ticket-tags")).toContainText("e2e-macro");
  await expect(page.getByTestId("timeline")).toContainText(`Ava Agarwal added tag e2e-macro (macro “${name}”)`);

  await macros.goto();
  await expect(macros.row(name)).toContainText("used 1×");
});

test("typing ; and a shortcut in the composer inserts a snippet rendered for the ticket", async ({
  page,
  ticketsPage,
}) => {
  await openAnOpenTicket(page, ticketsPage);
  const subject = (await page.getByRole("heading", { level: 1 }).textContent())!.replace(/^#\d+\s*/, "");
  const composer = page.getByLabel("Message");
  const picker = page.getByRole("listbox", { name: "Snippets" });

  await composer.pressSequentially("Hello! ;refund");
  await expect(picker).toBeVisible();
  await expect(picker.getByRole("option").first()).toContainText(";refund-policy");
  await composer.press("Enter");
  await expect(picker).toHaveCount(0);
  await expect(composer).toHaveValue(/^Hello! We refund any charge made in the last 30 days/);
  await expect(composer).not.toHaveValue(/;refund/);

  await composer.pressSequentially(" ;gree");
  await picker.getByRole("option", { name: /;greeting/ }).click();
  await expect(composer).toHaveValue(
    new RegExp(`Hi \\S+, thanks for getting in touch about “${escapeRegExp(subject.trim())}”\\.$`),
  );

  await composer.pressSequentially(" ;sign");
  await expect(picker).toBeVisible();
  await composer.press("Escape");
  await expect(picker).toHaveCount(0);
  await expect(composer).toHaveValue(/ ;sign$/);
});

test("the macros, snippets and ticket pages fit a 390 px phone without scrolling sideways", async ({
  page,
  ticketsPage,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const fits = async () =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.goto("/settings/macros");
  await expect(page.getByTestId("macro-list")).toBeVisible();
  await fits();
  await page.getByRole("button", { name: "New macro" }).click();
  await fits();
  await page.goto("/settings/snippets");
  await expect(page.getByTestId("snippet-list")).toBeVisible();
  await fits();
  await openAnOpenTicket(page, ticketsPage);
  await expect(page.getByTestId("macro-apply")).toBeVisible();
  await fits();
});

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
