import { expect, type Page } from "@playwright/test";

export class StatusesPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/settings/statuses");
    await expect(this.page.getByRole("heading", { name: "Statuses and workflow" })).toBeVisible();
  }

  row(name: string) {
    return this.page.getByTestId("case-status-row").and(this.page.locator(`[data-name="${name}"]`));
  }

  async create(name: string, base: string, color: string) {
    const form = this.page.getByRole("form", { name: "New status" });
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Base status").selectOption(base);
    await form.getByLabel("Colour").selectOption(color);
    await form.getByRole("button", { name: "Add status" }).click();
    await expect(this.row(name)).toBeVisible();
  }
}
