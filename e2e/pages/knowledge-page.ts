import { expect, type Page } from "@playwright/test";

/** The agents' knowledge base: the list, the editor and an article's page. */
export class KnowledgePage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/knowledge");
    await expect(this.page.getByRole("heading", { name: "Knowledge base" })).toBeVisible();
  }

  rows() {
    return this.page.getByTestId("article-row");
  }

  async newArticle(fields: { title: string; category: string; body: string }) {
    await this.page.goto("/knowledge/new");
    await this.page.getByLabel("Title").fill(fields.title);
    await this.page.getByLabel("Category").selectOption({ label: fields.category });
    await this.page.getByLabel("Body (Markdown)").fill(fields.body);
  }

  async preview() {
    await this.page.getByRole("tab", { name: "preview" }).click();
    return this.page.getByTestId("article-preview");
  }

  status() {
    return this.page.getByTestId("article-status");
  }

  publicUrl() {
    return this.page.getByTestId("public-url");
  }
}

/** The public help center, as a visitor without an account sees it. */
export class HelpCenterPage {
  constructor(private readonly page: Page) {}

  async goto(workspace: string) {
    await this.page.goto(`/help/${workspace}`);
    await expect(this.page.getByRole("link", { name: /help center$/ })).toBeVisible();
  }

  async search(text: string) {
    await this.page.getByLabel("Search the help center").fill(text);
    await this.page.getByRole("button", { name: "Search" }).click();
  }

  results() {
    return this.page.getByTestId("help-results").getByRole("listitem");
  }
}
