import { expect, type Page } from "@playwright/test";

/** What every signed-in page shares: the theme choice, the command palette and the shortcut list. */
export class AppChrome {
  constructor(private readonly page: Page) {}

  themeToggle() {
    return this.page.getByLabel("Theme", { exact: true });
  }

  async chooseTheme(theme: "system" | "light" | "dark") {
    await this.themeToggle().selectOption(theme);
    await expect(this.page.locator("html")).toHaveAttribute("data-theme", theme);
  }

  /** The lightness (0 black … 1 white) of the first painted background from <main> up, as a person sees it. */
  async mainBackgroundLightness(): Promise<number> {
    return this.page.evaluate(() => {
      const probe = document.createElement("canvas").getContext("2d")!;
      for (let el: Element | null = document.querySelector("main") ?? document.body; el; el = el.parentElement) {
        const color = getComputedStyle(el).backgroundColor;
        // The canvas reads any CSS colour (oklch included) and gives back its sRGB bytes.
        probe.clearRect(0, 0, 1, 1);
        probe.fillStyle = color;
        probe.fillRect(0, 0, 1, 1);
        const [r, g, b, a] = probe.getImageData(0, 0, 1, 1).data;
        if (!a) continue;
        return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
      }
      return 1;
    });
  }

  /** Leaves every field, so single-key shortcuts reach the page. */
  async leaveFields() {
    await this.page.evaluate(() =>
      document.activeElement instanceof HTMLElement ? document.activeElement.blur() : null,
    );
  }

  palette() {
    return this.page.getByRole("dialog", { name: "Command palette" });
  }

  paletteInput() {
    return this.palette().getByRole("combobox");
  }

  shortcutHelp() {
    return this.page.getByRole("dialog", { name: "Keyboard shortcuts" });
  }
}
