import { expect, type Page } from "@playwright/test";

export class AnalyticsPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Analytics" }).click();
    await expect(this.page.getByRole("heading", { name: "Analytics", level: 1 })).toBeVisible();
  }

  /** A total as the page shows it, as a number (commas dropped). */
  async stat(name: string): Promise<number> {
    const text = await this.page.getByTestId(`stat-${name}`).getByTestId("stat-value").innerText();
    return Number(text.replaceAll(",", ""));
  }

  chart(testId: string) {
    return this.page.getByTestId(testId);
  }

  /** A chart's drawing (not the small icons of its legend). */
  chartSurface(testId: string) {
    return this.chart(testId).locator(".recharts-wrapper > svg.recharts-surface");
  }

  async choosePreset(days: 7 | 30 | 90) {
    await this.page.getByRole("link", { name: `Last ${days} days` }).click();
    await expect(this.page).toHaveURL(new RegExp(`period_days=${days}`));
    await expect(this.page.getByRole("link", { name: `Last ${days} days` })).toHaveAttribute("aria-current", "page");
  }

  async chooseCustom(from: string, to: string) {
    const form = this.page.getByRole("form", { name: "Custom period" });
    await form.getByLabel("From").fill(from);
    await form.getByLabel("To").fill(to);
    await form.getByRole("button", { name: "Show" }).click();
    await expect(this.page).toHaveURL(new RegExp(`from=${from}&to=${to}`));
  }

  /** Clicks Export CSV and reads the downloaded file. */
  async exportCsv(): Promise<{ filename: string; text: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent("download"),
      this.page.getByRole("link", { name: "Export CSV" }).click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { filename: download.suggestedFilename(), text: Buffer.concat(chunks).toString("utf8") };
  }
}
