import { expect, type Page } from "@playwright/test";

/** Settings → Automations: the ordered rule list, the rule builder and each rule's run log. */
export class AutomationsPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/settings/automations");
    await expect(this.page.getByRole("heading", { name: "Automations", level: 1 })).toBeVisible();
  }

  form() {
    return this.page.getByRole("form", { name: /rule/i });
  }

  async startNew() {
    await this.page.getByRole("button", { name: "New rule" }).click();
    await expect(this.form()).toBeVisible();
  }

  /** Adds a condition row and sets it: `value` is typed or chosen by label, as the row's control takes it. */
  async addCondition(field: string, value: string) {
    const form = this.form();
    await form.getByRole("button", { name: "Add condition" }).click();
    const index = await form.getByTestId("condition-row").count();
    await form.getByLabel(`Condition ${index}`, { exact: true }).selectOption({ label: field });
    await this.fill(form.getByLabel(`Condition ${index} value`), value);
  }

  /** Sets action row `index` (1-based), adding it first when it does not exist yet. */
  async setAction(index: number, type: string, value?: string) {
    const form = this.form();
    if ((await form.getByTestId("action-row").count()) < index)
      await form.getByRole("button", { name: "Add action" }).click();
    await form.getByLabel(`Action ${index}`, { exact: true }).selectOption({ label: type });
    if (value !== undefined) await this.fill(form.getByLabel(`Action ${index} value`), value);
  }

  private async fill(control: ReturnType<Page["getByLabel"]>, value: string) {
    const tag = await control.evaluate((el) => el.tagName);
    if (tag === "SELECT") await control.selectOption({ label: value });
    else await control.fill(value);
  }

  async save() {
    await this.form().getByRole("button", { name: "Save rule" }).click();
  }

  row(name: string) {
    return this.page.locator(`[data-rule="${name}"]`);
  }

  async openRunLog(name: string) {
    await this.row(name).getByRole("button", { name: "Run log" }).click();
    const log = this.row(name).getByTestId("run-log");
    await expect(log).toBeVisible();
    return log;
  }
}
