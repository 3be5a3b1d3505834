import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { AppChrome } from "./pages/app-chrome";
import { expect, test } from "./fixtures";

/** The serious and critical accessibility violations axe finds on the page as it is now. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ rule: v.id, impact: v.impact, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) }));
}

test.describe("under a dark system setting", () => {
  test.use({ colorScheme: "dark" });

  test("the app is dark from the first paint, and the toggle picks light or dark and remembers it", async ({
    page,
    signInAs,
  }) => {
    const chrome = new AppChrome(page);
    await signInAs("agent");
    await expect(page.locator("html")).toHaveClass(/\bdark\b/);
    expect(await chrome.mainBackgroundLightness()).toBeLessThan(0.3);

    await chrome.chooseTheme("light");
    expect(await chrome.mainBackgroundLightness()).toBeGreaterThan(0.7);
    await page.reload();
    await expect(page.locator("html")).toHaveClass(/\blight\b/);
    await expect(chrome.themeToggle()).toHaveValue("light");
    expect(await chrome.mainBackgroundLightness()).toBeGreaterThan(0.7);

    await chrome.chooseTheme("system");
    expect(await chrome.mainBackgroundLightness()).toBeLessThan(0.3);
  });
});

test.describe("under a light system setting", () => {
  test.use({ colorScheme: "light" });

  test("the app is light, and choosing dark turns it dark", async ({ page, signInAs }) => {
    const chrome = new AppChrome(page);
    await signInAs("agent");
    expect(await chrome.mainBackgroundLightness()).toBeGreaterThan(0.7);
    await chrome.chooseTheme("dark");
    expect(await chrome.mainBackgroundLightness()).toBeLessThan(0.3);
    await page.goto("/settings/macros");
    expect(await chrome.mainBackgroundLightness()).toBeLessThan(0.3);
    await chrome.chooseTheme("system");
  });
});

for (const theme of ["light", "dark"] as const) {
  test(`the main pages have no serious accessibility violations in the ${theme} theme`, async ({ page, signInAs }) => {
    test.setTimeout(420_000);
    await page.emulateMedia({ colorScheme: theme });
    await signInAs("owner");
    await page.goto("/tickets");
    const number = await page.getByTestId("ticket-row").first().getAttribute("data-number");
    const pages = [
      "/tickets",
      `/tickets/${number}`,
      "/contacts",
      "/knowledge",
      "/analytics",
      "/profile/mcp",
      "/settings/api-access",
      "/settings/workspace",
      "/settings/macros",
      "/settings/statuses",
      "/settings/sla",
      "/settings/automations",
      "/settings/webhooks",
      "/settings/mcp-governance",
      "/settings/audit",
      "/notifications",
      "/profile",
      "/profile/security",
      "/docs/mcp",
    ];
    const found: Record<string, unknown> = {};
    for (const path of pages) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveClass(new RegExp(`\\b${theme}\\b`));
      const violations = await seriousViolations(page);
      if (violations.length) found[path] = violations;
    }
    expect(found).toEqual({});
  });
}
