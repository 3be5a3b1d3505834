import { expect, type Page } from "@playwright/test";
import { confirmAction } from "./confirm";

/** Admin → Agents, and one person's access page. */
export class AgentsPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/admin/agents");
    await expect(this.page.getByRole("heading", { name: "Agents", exact: true })).toBeVisible();
  }

  row(name: string) {
    return this.page.getByTestId("member-row").filter({ hasText: name });
  }

  async open(name: string) {
    await this.goto();
    await this.page.getByRole("link", { name, exact: true }).click();
    await expect(this.page.getByRole("heading", { level: 1 })).toContainText(name);
  }

  /** Invites by email and returns the link shown this once. */
  async invite(email: string, options: { name?: string; role?: "admin" | "agent" } = {}) {
    const form = this.page.getByRole("region", { name: "Invite" });
    await form.getByLabel("Email").fill(email);
    if (options.name) await form.getByLabel("Name (optional)").fill(options.name);
    if (options.role) await form.getByLabel("Role").selectOption(options.role);
    await form.getByRole("button", { name: "Invite" }).click();
    const link = this.page.getByTestId("new-secret");
    await expect(link).toBeVisible();
    return (await link.textContent())!.trim();
  }

  role() {
    return this.page.getByTestId("member-role");
  }

  async changeRole(role: string) {
    await this.page.getByLabel(/^Role of /).selectOption(role);
    await this.page.getByRole("button", { name: "Change role" }).click();
  }

  async offboard(name: string, says?: string | RegExp) {
    await confirmAction(this.page, this.page.getByRole("button", { name: `Offboard ${name}` }), {
      verb: "Offboard",
      says,
    });
    await expect(this.page.getByTestId("deactivated")).toBeVisible();
  }

  async reactivate() {
    await this.page.getByRole("button", { name: "Reactivate" }).click();
    await expect(this.page.getByTestId("deactivated")).toHaveCount(0);
  }
}
