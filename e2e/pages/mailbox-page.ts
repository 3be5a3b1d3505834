import { expect, type Page } from "@playwright/test";

/** Settings → Email → Mailbox: the sent mail, and one mail's headers. */
export class MailboxPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/settings/email/outbox");
    await expect(this.page.getByRole("heading", { name: "Mailbox" })).toBeVisible();
  }

  async open(subject: string) {
    await this.page.getByTestId("outbox").getByRole("link", { name: subject }).first().click();
    await expect(this.page.getByTestId("mail-headers")).toBeVisible();
  }

  header(name: string) {
    return this.page.getByTestId("mail-headers").locator(`[data-header="${name}"] dd`);
  }

  text() {
    return this.page.getByTestId("mail-text");
  }
}
