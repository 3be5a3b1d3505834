import type { Page } from "@playwright/test";

/** The public CSAT page a customer opens from the rating link. */
export class RatingPage {
  constructor(readonly page: Page) {}

  async goto(link: string) {
    await this.page.goto(link);
  }

  heading() {
    return this.page.getByRole("heading", { level: 1 });
  }

  notice() {
    return this.page.getByRole("status");
  }

  currentRating() {
    return this.page.getByTestId("current-rating");
  }

  async rate(choice: string, comment: string) {
    await this.page.getByRole("radio", { name: choice, exact: true }).check();
    await this.page.getByLabel("Comment (optional)").fill(comment);
    await this.page.getByRole("button", { name: /^(Send|Change) rating$/ }).click();
  }
}
