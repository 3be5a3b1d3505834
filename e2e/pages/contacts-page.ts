import { expect, type Page } from "@playwright/test";
import { confirmAction } from "./confirm";

/** The contacts list, a contact's page and merging a duplicate into it. */
export class ContactsPage {
  constructor(private readonly page: Page) {}

  rows() {
    return this.page.getByTestId("contact-row");
  }

  emails() {
    return this.page.getByTestId("contact-emails");
  }

  async goto(query = "") {
    await this.page.goto(`/contacts${query}`);
    await expect(this.page.getByRole("heading", { name: "Contacts", exact: true })).toBeVisible();
  }

  async search(text: string) {
    await this.page.getByLabel("Search contacts").fill(text);
    await this.page.getByRole("button", { name: "Search" }).click();
    await expect(this.page).toHaveURL(/q=/);
  }

  async open(name: string) {
    await this.rows().getByRole("link", { name, exact: true }).click();
    await expect(this.page.getByTestId("contact-name")).toHaveText(name);
  }

  /** On a contact's page: finds the duplicate and merges it in, confirming the question. */
  async mergeIn(duplicateSearch: string, duplicateName: string) {
    await this.page.getByLabel("Find a duplicate").fill(duplicateSearch);
    await this.page.getByRole("button", { name: "Find", exact: true }).click();
    const merge = this.page.getByRole("button", { name: `Merge ${duplicateName}` });
    await confirmAction(this.page, merge, { verb: "Merge", says: `${duplicateName} is deleted` });
    await expect(this.page.getByText("Contacts merged.")).toBeVisible();
  }
}
