// Two agents on the same ticket, each in a browser of their own: what one does shows on the
// other's open page without a reload, each sees the other there (viewing or replying) on the
// ticket and in the list, and a reply over a customer message that arrived meanwhile asks first.
import { randomBytes } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import nodemailer from "nodemailer";
import { DEMO_WORKSPACE } from "../prisma/demo-accounts.mjs";
import { INBOUND_SMTP_PORT } from "../playwright.config";
import { DEMO_PASSWORD, DEMO_USERS, expect, test } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { TicketPage } from "./pages/ticket-page";
import type { TicketsPage } from "./pages/tickets-page";

const token = () => randomBytes(3).toString("hex");
const ADMIN = DEMO_USERS.admin.name;

/** The second agent: the demo admin, signed in in a browser context of their own. */
async function secondAgent(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new LoginPage(page).goto();
  await new LoginPage(page).signIn(DEMO_USERS.admin.email, DEMO_PASSWORD);
  await expect(page.getByTestId("current-user")).toContainText(ADMIN);
  return { context, page, ticketPage: new TicketPage(page) };
}

/** Marks the page, so a test can tell a reload (the mark gone) from an update in place. */
async function markPage(page: Page) {
  await page.evaluate(() => ((window as unknown as { liveMark: string }).liveMark = "still here"));
}
const mark = (page: Page) => page.evaluate(() => (window as unknown as { liveMark?: string }).liveMark ?? null);

async function openTicketAt(page: Page, ticketsPage: TicketsPage, status: string) {
  await ticketsPage.goto(`?status=${status}`);
  const number = await ticketsPage.numberOf(0);
  await page.goto(`/tickets/${number}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`#${number}`);
  return number;
}

/** A customer's mail to the demo workspace's inbound address, through the app's SMTP receiver. */
async function customerMail(mail: { subject: string; text: string; messageId: string; inReplyTo?: string }) {
  const transport = nodemailer.createTransport({ host: "127.0.0.1", port: INBOUND_SMTP_PORT, ignoreTLS: true });
  await transport.sendMail({
    from: '"Casey Customer" <casey@customer.example>',
    to: `${DEMO_WORKSPACE.slug}@inbound.deskbridge.localhost`,
    subject: mail.subject,
    messageId: mail.messageId,
    ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo, references: mail.inReplyTo } : {}),
    text: mail.text,
  });
  transport.close();
}

test.describe("live ticket pages and presence", () => {
  test.beforeEach(async ({ signInAs }) => {
    await signInAs("agent");
  });

  test("the other agent's presence, status change and reply show on the open ticket without a reload", async ({
    page,
    browser,
    ticketsPage,
    ticketPage,
  }) => {
    const number = await openTicketAt(page, ticketsPage, "open");
    const draft = `Half a thought (${token()})`;
    await page.getByLabel("Message").fill(draft);
    await page.getByLabel("Message").blur();
    await markPage(page);

    const b = await secondAgent(browser);
    try {
      await b.ticketPage.goto(number);
      await expect(page.getByTestId("ticket-presence")).toHaveText(`${ADMIN} is viewing`);
      // Ava's draft makes her "replying" on the other side.
      await expect(b.page.getByTestId("ticket-presence")).toHaveText(`${DEMO_USERS.agent.name} is replying`);

      await b.page.getByLabel("Message").fill("Looking at this one");
      await expect(page.getByTestId("ticket-presence")).toHaveText(`${ADMIN} is replying`);

      await b.ticketPage.setStatus("pending");
      await expect(ticketPage.status()).toHaveText("pending");

      const reply = `We are on it (${token()})`;
      await b.ticketPage.reply(reply);
      await expect(ticketPage.messages().last()).toContainText(reply);
      await expect(ticketPage.messages().last()).toContainText(ADMIN);

      // Updated in place: the same page, the draft as it was.
      expect(await mark(page)).toBe("still here");
      await expect(page.getByLabel("Message")).toHaveValue(draft);

      // Back to the list in the app: the other side sees the admin gone.
      await b.page.getByRole("link", { name: "← Tickets" }).click();
      await expect(b.page.getByRole("heading", { name: "Tickets" })).toBeVisible();
      await expect(page.getByTestId("ticket-presence")).toHaveText("");
    } finally {
      await b.context.close();
    }
  });

  test("the list shows who is on a ticket and follows its changes", async ({ page, browser, ticketsPage }) => {
    await ticketsPage.goto("?status=open");
    const number = await ticketsPage.numberOf(0);
    const row = page.locator(`[data-testid="ticket-row"][data-number="${number}"]`);
    await markPage(page);

    const b = await secondAgent(browser);
    try {
      await b.ticketPage.goto(number);
      await expect(row.getByTestId("row-presence")).toHaveText(`${ADMIN} is viewing`);
      await b.page.getByLabel("Message").focus();
      await expect(row.getByTestId("row-presence")).toHaveText(`${ADMIN} is replying`);

      // The list shows open tickets: set pending elsewhere, the row leaves it.
      await b.ticketPage.setStatus("pending");
      await expect(row).toHaveCount(0);
      expect(await mark(page)).toBe("still here");
    } finally {
      await b.context.close();
    }
  });

  test("a reply over a customer message that arrived meanwhile asks first", async ({
    page,
    ticketsPage,
    ticketPage,
  }) => {
    const subject = `Parcel missing ${token()}`;
    const first = `<parcel.${token()}@customer.example>`;
    await customerMail({ subject, text: "Where is my parcel?", messageId: first });
    await ticketsPage.goto();
    await expect(page.getByRole("link", { name: subject })).toBeVisible();
    await ticketsPage.open(subject);
    await expect(ticketPage.timeline()).toContainText("Where is my parcel?");

    const reply = `It left our warehouse yesterday (${token()})`;
    await page.getByLabel("Message").fill(reply);
    await customerMail({
      subject: `Re: ${subject}`,
      text: "Update: it just arrived, but broken.",
      messageId: `<parcel.${token()}@customer.example>`,
      inReplyTo: first,
    });
    // The new message shows while the draft stays.
    await expect(ticketPage.messages().last()).toContainText("it just arrived, but broken");
    await expect(page.getByLabel("Message")).toHaveValue(reply);

    await page.getByRole("button", { name: "Send reply" }).click();
    const ask = page.getByTestId("newer-messages");
    await expect(ask).toContainText("A new message from the customer arrived — send anyway?");
    await expect(ticketPage.timeline()).not.toContainText(reply);

    await ask.getByRole("button", { name: "Send anyway" }).click();
    await expect(ticketPage.messages().last()).toContainText(reply);
    await expect(ask).toHaveCount(0);
    await expect(page.getByLabel("Message")).toHaveValue("");
  });
});
