import { expect, type Page } from "@playwright/test";

export class TicketPage {
  constructor(private readonly page: Page) {}

  async goto(number: number) {
    await this.page.goto(`/tickets/${number}`);
  }

  status() {
    return this.page.getByTestId("ticket-status");
  }

  activity() {
    return this.page.getByTestId("activity");
  }

  async addTags(tags: string) {
    await this.page.getByLabel("New tags").fill(tags);
    await this.page.getByRole("button", { name: "Add", exact: true }).click();
  }

  async resolve() {
    await this.page.getByRole("button", { name: "Resolve ticket" }).click();
    await expect(this.status()).toHaveText("resolved");
  }

  async reply(text: string, kind: "reply" | "note" = "reply") {
    await this.page.getByLabel("Message").fill(text);
    await this.page.getByRole("button", { name: kind === "reply" ? "Send reply" : "Add internal note" }).click();
  }

  async assign(name: string) {
    await this.page.getByLabel("Assignee").selectOption({ label: name });
    await this.page.getByRole("button", { name: "Assign" }).click();
  }

  async transfer(team: string) {
    await this.page.getByLabel("Team").selectOption({ label: team });
    await this.page.getByRole("button", { name: "Transfer" }).click();
  }

  async setPriority(priority: string) {
    await this.page.getByLabel("Priority").selectOption(priority);
    await this.page.getByRole("button", { name: "Set", exact: true }).click();
  }
}
