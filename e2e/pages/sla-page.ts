import { expect, type Page } from "@playwright/test";

export class SlaPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/settings/sla");
    await expect(this.page.getByRole("heading", { name: "SLA policies and business hours" })).toBeVisible();
  }

  row(name: string) {
    return this.page.getByTestId("sla-policy-row").and(this.page.locator(`[data-name="${name}"]`));
  }

  /** A policy for one team with a target for one priority, counting every hour. */
  async create(name: string, team: string, priority: string, firstResponse: number, resolution: number) {
    const form = this.page.getByRole("form", { name: "New SLA policy" });
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Team").selectOption({ label: team });
    await form.getByLabel(`${priority} first response minutes`).fill(String(firstResponse));
    await form.getByLabel(`${priority} resolution minutes`).fill(String(resolution));
    await form.getByLabel("Count business hours only").uncheck();
    await form.getByRole("button", { name: "Add policy" }).click();
    await expect(this.row(name)).toBeVisible();
  }

  async remove(name: string) {
    await this.row(name)
      .getByRole("button", { name: `Delete ${name}` })
      .click();
    await expect(this.row(name)).toHaveCount(0);
  }
}
