import { expect, type Page } from "@playwright/test";
import { confirmAction } from "./confirm";

export class McpProfilePage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/profile/mcp");
    await expect(this.page.getByRole("heading", { name: "MCP Integration" })).toBeVisible();
  }

  async generate(name?: string) {
    if (name) await this.page.getByLabel("Token name").fill(name);
    await this.page.getByRole("button", { name: "Generate token" }).click();
  }

  tokenRows() {
    return this.page.getByTestId("token-row");
  }

  async revokeFirstToken() {
    await confirmAction(
      this.page,
      this.tokenRows()
        .first()
        .getByRole("button", { name: /^Revoke/ }),
    );
  }

  async revokeApp(name: string) {
    const row = this.page.getByTestId("app-row").filter({ hasText: name });
    await confirmAction(this.page, row.getByRole("button", { name: `Revoke ${name}` }), { says: name });
    await expect(this.page.getByTestId("app-row").filter({ hasText: name })).toHaveCount(0);
  }

  async mcpUrl() {
    return (await this.page.getByTestId("mcp-url").textContent())!.trim();
  }
}
