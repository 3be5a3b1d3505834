import { expect, type Page } from "@playwright/test";

/** Settings → Macros, and the "Apply macro" control on a ticket. */
export class MacrosPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/settings/macros");
    await expect(this.page.getByRole("heading", { name: "Macros", level: 1 })).toBeVisible();
  }

  form() {
    return this.page.getByRole("form", { name: /macro/i });
  }

  async startNew() {
    await this.page.getByRole("button", { name: "New macro" }).click();
    await expect(this.form()).toBeVisible();
  }

  async save() {
    await this.form().getByRole("button", { name: "Save macro" }).click();
  }

  row(name: string) {
    return this.page.locator(`[data-macro="${name}"]`);
  }

  /** On a ticket page: choose a macro and wait for its preview. */
  async preview(name: string) {
    await this.page.getByLabel("Apply macro").selectOption({ label: name });
    const preview = this.page.getByTestId("macro-preview");
    await expect(preview).toBeVisible();
    return preview;
  }
}
