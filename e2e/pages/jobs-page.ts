import { expect, type Page } from "@playwright/test";

export class JobsPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/settings/jobs");
    await expect(this.page.getByRole("heading", { name: "Background jobs" })).toBeVisible();
  }

  row(kind: string) {
    return this.page.getByTestId("job-health").locator(`tr[data-kind="${kind}"]`);
  }

  cell(kind: string, column: "waiting" | "running" | "failed" | "dead") {
    return this.row(kind).locator(`td[data-column="${column}"]`);
  }
}
