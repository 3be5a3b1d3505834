import { expect, type Page } from "@playwright/test";

export class WebhooksPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/settings/webhooks");
    await expect(this.page.getByRole("heading", { name: "Webhooks", exact: true })).toBeVisible();
  }

  /** Adds an endpoint and returns the signing secret the page shows once. */
  async add(url: string, events: string[], description = "") {
    const form = this.page.getByRole("form", { name: "Add webhook" });
    await form.getByLabel("URL").fill(url);
    if (description) await form.getByLabel("Description").fill(description);
    for (const event of events)
      await form.getByRole("checkbox", { name: new RegExp(`^${event.replace(".", "\\.")}\\b`) }).check();
    await form.getByRole("button", { name: "Add webhook" }).click();
    const secret = this.page.getByTestId("new-secret");
    await expect(secret).toBeVisible();
    return (await secret.textContent())!.trim();
  }

  row(url: string) {
    return this.page.getByTestId("webhook-row").filter({ hasText: url });
  }

  async open(url: string) {
    await this.row(url).getByRole("link", { name: "Deliveries and settings" }).click();
    await expect(this.page.getByRole("heading", { name: url })).toBeVisible();
  }

  deliveries() {
    return this.page.getByTestId("webhook-delivery");
  }

  /** Reloads the delivery log until it shows `count` attempts (deliveries run on the job queue). */
  async waitForDeliveries(count: number) {
    await expect(async () => {
      await this.page.reload();
      await expect(this.deliveries()).toHaveCount(count, { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
  }
}
