import { expect, type Page } from "@playwright/test";

/** The ticket list's saved views sidebar and its multi-select change bar. */
export class TicketListTools {
  constructor(private readonly page: Page) {}

  view(name: string) {
    return this.page.getByTestId("view-link").and(this.page.locator(`[data-view="${name}"]`));
  }

  viewCount(name: string) {
    return this.view(name).getByTestId("view-count");
  }

  async saveView(name: string, who: "Only me" | "Workspace" = "Only me") {
    await this.page.getByLabel("View name").fill(name);
    await this.page.getByLabel("Who sees it").selectOption({ label: who });
    await this.page.getByRole("button", { name: "Save view" }).click();
    await expect(this.page.getByText(`Saved “${name}”.`)).toBeVisible();
  }

  async selectAllOnPage() {
    await this.page.getByRole("checkbox", { name: "Select all on this page" }).check();
  }

  /** Sets one field of the change bar and applies it to the selected tickets. */
  async applyToSelected(label: "Status" | "Priority" | "Assignee" | "Team", option: string) {
    const bar = this.page.getByRole("form", { name: "Change selected tickets" });
    await bar.getByLabel(label).selectOption({ label: option });
    await bar.getByRole("button", { name: /^Apply to \d+$/ }).click();
  }

  results() {
    return this.page.getByTestId("bulk-results");
  }
}
