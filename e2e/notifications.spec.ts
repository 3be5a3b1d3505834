import { randomBytes } from "node:crypto";
import { DEMO_PASSWORD, DEMO_USERS, expect, test } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { NotificationBell } from "./pages/notifications-page";
import { TicketPage } from "./pages/ticket-page";
import { TicketsPage } from "./pages/tickets-page";

test("a mention in a note lights the agent's bell; opening it and marking it read clears the count", async ({
  page,
  browser,
  signInAs,
}) => {
  const token = randomBytes(3).toString("hex");
  await signInAs("agent");
  const bell = new NotificationBell(page);
  if ((await bell.unread()) > 0) await bell.markAllRead();

  // The admin, in a browser of their own, mentions Ava in an internal note.
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  const login = new LoginPage(adminPage);
  await login.goto();
  await login.signIn(DEMO_USERS.admin.email, DEMO_PASSWORD);
  await expect(adminPage.getByTestId("current-user")).toContainText(DEMO_USERS.admin.name);
  const tickets = new TicketsPage(adminPage);
  await tickets.goto("?status=open&sort=created");
  await tickets.rows().first().getByRole("link").first().click();
  await expect(adminPage).toHaveURL(/\/tickets\/\d+$/);
  const number = Number(adminPage.url().split("/").pop());
  await new TicketPage(adminPage).reply(`@ava could you check this? (${token})`, "note");
  await expect(adminPage.getByTestId("timeline")).toContainText(token);
  await adminContext.close();

  // Notes are read for mentions in the background: the bell shows it within seconds.
  const item = bell.item(`#${number}`).filter({ hasText: token });
  await expect(async () => {
    await page.reload();
    await bell.open();
    await expect(item).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  const unread = await bell.unread();
  expect(unread).toBeGreaterThanOrEqual(1);
  await expect(item).toContainText("Adam Alvarez mentioned you");
  await item.getByRole("button", { name: /Mark .* read/ }).click();
  await expect(item.getByRole("button", { name: /Mark .* read/ })).toHaveCount(0);
  expect(await bell.unread()).toBe(unread - 1);

  await page.goto("/notifications");
  const listed = page
    .getByTestId("notification-list")
    .locator("[data-notification=mention]")
    .filter({ hasText: token });
  await expect(listed).toHaveAttribute("data-read", "true");
  await page.getByRole("link", { name: /^Unread/ }).click();
  await expect(page).toHaveURL(/unread=1/);
  await expect(page.getByRole("main").getByText(token)).toHaveCount(0);
});
