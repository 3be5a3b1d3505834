import { expect, type Page } from "@playwright/test";

/** The drafts an MCP client proposed, as the ticket page shows them above the composer. */
export class DraftReplies {
  constructor(private readonly page: Page) {}

  cards() {
    return this.page.getByTestId("draft-reply");
  }

  proposer(index = 0) {
    return this.cards().nth(index).getByTestId("draft-proposer");
  }

  async send(index = 0) {
    await this.cards().nth(index).getByRole("button", { name: "Send draft" }).click();
    await expect(this.page.getByText("Draft sent.")).toBeVisible();
  }

  async discard(index = 0) {
    await this.cards().nth(index).getByRole("button", { name: "Discard" }).click();
    await expect(this.page.getByText("Draft discarded.")).toBeVisible();
  }
}
