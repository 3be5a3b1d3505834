import { expect, type Page } from "@playwright/test";

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

  async mcpUrl() {
    return (await this.page.getByTestId("mcp-url").textContent())!.trim();
  }
}
