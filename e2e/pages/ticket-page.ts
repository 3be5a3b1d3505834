import { expect, type Page } from "@playwright/test";

export class TicketPage {
  constructor(private readonly page: Page) {}

  async goto(number: number) {
    await this.page.goto(`/tickets/${number}`);
  }

  status() {
    return this.page.getByTestId("ticket-status");
  }

  /** The conversation and history, oldest first. */
  timeline() {
    return this.page.getByTestId("timeline");
  }

  /** History lines are in the timeline, between the messages. */
  activity() {
    return this.timeline();
  }

  /** Entries of the timeline: messages and notes, or history lines. */
  messages() {
    return this.timeline().locator(':scope > li[data-entry="message"]');
  }

  activityLines() {
    return this.timeline().locator(':scope > li[data-entry="activity"]');
  }

  /** Sets a base status with the row of status buttons at the top of the ticket. */
  async setStatus(status: "open" | "pending" | "resolved" | "closed") {
    await this.page
      .getByRole("group", { name: "Set status" })
      .getByRole("button", { name: status.charAt(0).toUpperCase() + status.slice(1), exact: true })
      .click();
    await expect(this.status()).toHaveText(status);
  }

  async addTags(tags: string) {
    await this.page.getByLabel("New tags").fill(tags);
    await this.page.getByRole("button", { name: "Add", exact: true }).click();
  }

  async resolve() {
    await this.setStatus("resolved");
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
