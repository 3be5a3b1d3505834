// The email loop in the browser: a customer's mail (nodemailer to the app's SMTP receiver) appears
// in the ticket list, the agent replies in the UI, the reply arrives at an SMTP sink with the
// threading headers, and the admin reads it in the dev mailbox.
import { randomBytes } from "node:crypto";
import { simpleParser, type ParsedMail } from "mailparser";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { DEMO_WORKSPACE } from "../prisma/demo-accounts.mjs";
import { INBOUND_SMTP_PORT, MAIL_SINK_PORT } from "../playwright.config";
import { expect, test } from "./fixtures";
import { MailboxPage } from "./pages/mailbox-page";

const received: ParsedMail[] = [];
let sink: SMTPServer;

test.beforeAll(async () => {
  sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => sink.listen(MAIL_SINK_PORT, "127.0.0.1", resolve));
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => sink.close(() => resolve()));
});

test("a customer's mail becomes a ticket and the agent's reply goes back threaded", async ({
  page,
  signInAs,
  ticketsPage,
  ticketPage,
}) => {
  const subject = `Order never arrived ${randomBytes(3).toString("hex")}`;
  const customerMessageId = `<order.${randomBytes(6).toString("hex")}@customer.example>`;
  const transport = nodemailer.createTransport({ host: "127.0.0.1", port: INBOUND_SMTP_PORT, ignoreTLS: true });
  await transport.sendMail({
    from: '"Casey Customer" <casey@customer.example>',
    to: `${DEMO_WORKSPACE.slug}@inbound.deskbridge.localhost`,
    subject,
    messageId: customerMessageId,
    text: "I ordered a week ago and nothing came.",
  });
  transport.close();

  await signInAs("agent");
  await ticketsPage.goto();
  await expect(page.getByRole("link", { name: subject })).toBeVisible();
  await ticketsPage.open(subject);
  await expect(page.getByTestId("timeline")).toContainText("I ordered a week ago and nothing came.");
  await ticketPage.reply("Sorry about that! A replacement ships today.");
  await expect(page.getByTestId("timeline")).toContainText("A replacement ships today.");

  await expect.poll(() => received.filter((m) => m.subject === `Re: ${subject}`).length, { timeout: 30_000 }).toBe(1);
  const reply = received.find((m) => m.subject === `Re: ${subject}`)!;
  expect(reply.to && !Array.isArray(reply.to) ? reply.to.text : "").toBe("casey@customer.example");
  expect(reply.inReplyTo).toBe(customerMessageId);
  expect(reply.references).toBe(customerMessageId);
  expect(reply.replyTo?.value[0]?.address).toMatch(/^support\+[a-z0-9]+-[0-9a-f]{24}@inbound\.deskbridge\.localhost$/);
  expect(reply.text).toContain("A replacement ships today.");

  // The admin reads the same mail in the mailbox.
  await page.context().clearCookies();
  await signInAs("admin");
  const mailbox = new MailboxPage(page);
  await mailbox.goto();
  await mailbox.open(`Re: ${subject}`);
  await expect(mailbox.header("In-Reply-To")).toHaveText(customerMessageId);
  await expect(mailbox.text()).toContainText("A replacement ships today.");
});
