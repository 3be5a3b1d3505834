import { expect, type Page } from "@playwright/test";

export class TicketsPage {
  constructor(private readonly page: Page) {}

  rows() {
    return this.page.getByTestId("ticket-row");
  }

  /** The ticket number a row shows. */
  async numberOf(row: number) {
    return Number(await this.rows().nth(row).getAttribute("data-number"));
  }

  /** "N tickets" (or "about N tickets") above the list. */
  count() {
    return this.page.getByTestId("ticket-count");
  }

  /** The highlighted words of the search snippets, in order. */
  highlights() {
    return this.page.getByTestId("ticket-snippet").locator("mark");
  }

  async goto(query = "") {
    await this.page.goto(`/tickets${query}`);
    await expect(this.page.getByRole("heading", { name: "Tickets" })).toBeVisible();
  }

  async filter(label: "Status" | "Sub-status" | "Priority" | "Assignee" | "Team" | "Tag", option: string) {
    await this.page.getByLabel(label, { exact: true }).selectOption({ label: option });
    await this.page.getByRole("button", { name: "Apply filters" }).click();
  }

  async search(text: string) {
    await this.page.getByLabel("Search").fill(text);
    await this.page.getByRole("button", { name: "Apply filters" }).click();
  }

  async open(subject: string) {
    await this.page.getByRole("link", { name: subject }).first().click();
  }
}
