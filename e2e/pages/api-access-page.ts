import { expect, type Page } from "@playwright/test";
import { confirmAction } from "./confirm";

export class ApiAccessPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/settings/api-access");
    await expect(this.page.getByRole("heading", { name: "API Access" })).toBeVisible();
  }

  async createKey(name: string, options: { writeFamilies?: string[]; confirmDestructive?: boolean } = {}) {
    await this.page.getByLabel("Name", { exact: true }).fill(name);
    for (const family of options.writeFamilies ?? []) await this.page.getByLabel(`${family} write`).check();
    if (options.confirmDestructive) await this.page.getByLabel("Confirm destructive actions").check();
    await this.page.getByRole("button", { name: "Create key" }).click();
    const secret = this.page.getByTestId("new-secret");
    await expect(secret).toBeVisible();
    return (await secret.textContent())!.trim();
  }

  row(name: string) {
    return this.page.getByTestId("api-key-row").filter({ hasText: name });
  }

  async revoke(name: string, says?: string | RegExp) {
    await confirmAction(this.page, this.page.getByRole("button", { name: `Revoke ${name}` }), { says });
    await expect(this.row(name)).toHaveAttribute("data-status", "revoked");
  }
}
