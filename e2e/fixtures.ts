import { test as base, expect } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../prisma/demo-accounts.mjs";
import { LoginPage } from "./pages/login-page";
import { TicketPage } from "./pages/ticket-page";
import { TicketsPage } from "./pages/tickets-page";

type Role = keyof typeof DEMO_USERS;

export const test = base.extend<{
  loginPage: LoginPage;
  ticketsPage: TicketsPage;
  ticketPage: TicketPage;
  signInAs: (role: Role) => Promise<void>;
}>({
  loginPage: async ({ page }, use) => use(new LoginPage(page)),
  ticketsPage: async ({ page }, use) => use(new TicketsPage(page)),
  ticketPage: async ({ page }, use) => use(new TicketPage(page)),
  signInAs: async ({ page }, use) => {
    await use(async (role) => {
      const login = new LoginPage(page);
      await login.goto();
      await login.signIn(DEMO_USERS[role].email, DEMO_PASSWORD);
      await expect(page.getByTestId("current-user")).toContainText(DEMO_USERS[role].name);
    });
  },
});

export { expect, DEMO_PASSWORD, DEMO_USERS };
