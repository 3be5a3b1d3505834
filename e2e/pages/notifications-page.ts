import { expect, type Page } from "@playwright/test";

/** The header's notification bell and the notifications page. */
export class NotificationBell {
  constructor(private readonly page: Page) {}

  bell() {
    return this.page.getByTestId("notification-bell");
  }

  /** The unread count the bell shows (0 when it shows none). */
  async unread(): Promise<number> {
    const badge = this.bell().getByTestId("unread-count");
    if ((await badge.count()) === 0) return 0;
    return Number(await badge.textContent());
  }

  async open() {
    await this.bell().locator("summary").click();
    await expect(this.bell().getByText("Notifications", { exact: true })).toBeVisible();
  }

  item(title: string | RegExp) {
    return this.bell().locator("[data-notification]").filter({ hasText: title });
  }

  async markAllRead() {
    await this.open();
    await this.bell().getByRole("button", { name: "Mark all read" }).click();
    await expect(this.bell().getByTestId("unread-count")).toHaveCount(0);
  }
}
