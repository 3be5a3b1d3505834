import { AppChrome } from "./pages/app-chrome";
import { expect, test } from "./fixtures";

test.beforeEach(async ({ signInAs }) => {
  await signInAs("agent");
});

test("j and k move through the ticket list and Enter opens the ticket", async ({ page, ticketsPage }) => {
  const chrome = new AppChrome(page);
  await ticketsPage.goto();
  await chrome.leaveFields();
  await page.keyboard.press("j");
  await expect(ticketsPage.rows().nth(0)).toHaveAttribute("data-active", "");
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await page.keyboard.press("k");
  const second = ticketsPage.rows().nth(1);
  await expect(second).toHaveAttribute("data-active", "");
  await expect(ticketsPage.rows().nth(0)).not.toHaveAttribute("data-active");
  const number = await ticketsPage.numberOf(1);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/tickets/${number}$`));
});

test("single keys stay out of the way while typing; / focuses search and g then i goes to the inbox", async ({
  page,
  ticketsPage,
}) => {
  const chrome = new AppChrome(page);
  await ticketsPage.goto();
  await chrome.leaveFields();
  await page.keyboard.press("/");
  const search = page.getByLabel("Search", { exact: true });
  await expect(search).toBeFocused();
  await page.keyboard.type("jk?");
  await expect(search).toHaveValue("jk?");
  await expect(chrome.shortcutHelp()).toHaveCount(0);
  await expect(ticketsPage.rows().first()).not.toHaveAttribute("data-active");

  await page.goto("/contacts");
  await chrome.leaveFields();
  await page.keyboard.press("g");
  await page.keyboard.press("i");
  await expect(page).toHaveURL(/\/tickets$/);
});

test("? lists every shortcut in a dialog that Escape closes", async ({ page, ticketsPage }) => {
  const chrome = new AppChrome(page);
  await ticketsPage.goto();
  await chrome.leaveFields();
  await page.keyboard.press("Shift+Slash");
  const help = chrome.shortcutHelp();
  await expect(help).toBeVisible();
  await expect(help.getByRole("heading", { name: "Keyboard shortcuts" })).toBeVisible();
  for (const text of ["Open the command palette", "Focus the search box", "Go to the inbox", "Move to the next item"])
    await expect(help).toContainText(text);
  for (const text of [
    "Reply to the customer",
    "Write an internal note",
    "Assign the ticket to me",
    "Resolve the ticket",
  ])
    await expect(help).toContainText(text);
  await page.keyboard.press("Escape");
  await expect(help).toHaveCount(0);
});

test("the command palette opens with Ctrl+K, finds tickets, pages and actions, and goes where it is told", async ({
  page,
  ticketsPage,
}) => {
  const chrome = new AppChrome(page);
  await ticketsPage.goto();
  const subject = (await ticketsPage.rows().first().getByRole("link").textContent())!.trim();
  const number = await ticketsPage.numberOf(0);

  await page.keyboard.press("Control+k");
  await expect(chrome.palette()).toBeVisible();
  await expect(chrome.paletteInput()).toBeFocused();
  await chrome.paletteInput().fill("snippets");
  await expect(chrome.palette().getByRole("option", { name: /^Snippets/ })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/settings\/snippets$/);
  await expect(chrome.palette()).toHaveCount(0);

  await page.keyboard.press("Control+k");
  await chrome.paletteInput().fill(`#${number}`);
  const ticket = chrome.palette().getByRole("option", { name: new RegExp(`#${number} `) });
  await expect(ticket).toBeVisible();
  await expect(ticket).toContainText(subject);
  await ticket.click();
  await expect(page).toHaveURL(new RegExp(`/tickets/${number}$`));

  await page.keyboard.press("Control+k");
  await chrome.paletteInput().fill("new ticket");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/tickets\/new$/);

  await page.keyboard.press("Control+k");
  await page.keyboard.press("Escape");
  await expect(chrome.palette()).toHaveCount(0);
});

test("on a ticket r and n start a reply or a note, a assigns it to me and e resolves it", async ({ page }) => {
  const chrome = new AppChrome(page);
  const token = Date.now().toString(36);
  await page.goto("/tickets/new");
  await page.getByLabel("Contact email").fill(`keys.${token}@example.com`);
  await page.getByLabel("Subject").fill(`Keyboard check ${token}`);
  await page.getByLabel("First message (from the contact)").fill("Can you help?");
  await page.getByRole("button", { name: "Create ticket" }).click();
  await expect(page).toHaveURL(/\/tickets\/\d+$/);

  const composer = page.getByLabel("Message");
  await chrome.leaveFields();
  await page.keyboard.press("n");
  await expect(composer).toBeFocused();
  await expect(page.getByText("Writing an internal note")).toBeVisible();
  await page.keyboard.type(`Checked the logs ${token}`);
  await page.keyboard.press("Control+Enter");
  await expect(page.locator('[data-kind="note"]').filter({ hasText: `Checked the logs ${token}` })).toBeVisible();

  await chrome.leaveFields();
  await page.keyboard.press("r");
  await expect(composer).toBeFocused();
  await expect(page.getByText("Writing a reply")).toBeVisible();

  await chrome.leaveFields();
  await page.keyboard.press("a");
  await expect(page.getByLabel("Assignee").locator("option:checked")).toHaveText("Ava Agarwal");

  await chrome.leaveFields();
  await page.keyboard.press("e");
  await expect(page.getByTestId("ticket-status")).toHaveText("resolved");
});
