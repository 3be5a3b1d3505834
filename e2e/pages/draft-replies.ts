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

  /** Sends a draft; done once its card has left the page (the reply joined the conversation). */
  async send(index = 0) {
    await this.act(index, "Send draft");
  }

  async discard(index = 0) {
    await this.act(index, "Discard");
  }

  private async act(index: number, button: string) {
    const before = await this.cards().count();
    await this.cards().nth(index).getByRole("button", { name: button }).click();
    await expect(this.cards()).toHaveCount(before - 1);
  }
}
