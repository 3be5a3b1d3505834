import { expect, type Page } from "@playwright/test";

export class McpGovernancePage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/settings/mcp-governance");
    await expect(this.page.getByRole("heading", { name: "MCP governance" })).toBeVisible();
  }

  form() {
    return this.page.getByRole("form", { name: "MCP governance" });
  }

  allowListSwitch() {
    return this.form().getByRole("checkbox", { name: /Only allow the clients below/ });
  }

  async save() {
    await this.form().getByRole("button", { name: "Save governance" }).click();
  }

  request(text: string) {
    return this.page.getByTestId("access-request").filter({ hasText: text });
  }
}
