import { expect, type Page } from "@playwright/test";

/** The OAuth consent screen: what an app asks for, what it keeps, approve or deny. */
export class ConsentPage {
  constructor(private readonly page: Page) {}

  /** The scopes offered to tick, by their code. */
  asked() {
    return this.page.getByTestId("consent-scopes").locator('input[type="checkbox"][name="scopes"]');
  }

  kept() {
    return this.page.getByTestId("consent-kept-scopes");
  }

  async expectAsking(scopes: string[]) {
    await expect(this.asked()).toHaveCount(scopes.length);
    for (const [i, scope] of scopes.entries()) await expect(this.asked().nth(i)).toHaveValue(scope);
  }

  async approve() {
    await this.page.getByRole("button", { name: "Approve" }).click();
  }
}
