import { expect, type Locator, type Page } from "@playwright/test";

/**
 * A destructive button and its confirmation: clicks `button`, checks the
 * question says what stops working, then confirms (or cancels).
 */
export async function confirmAction(
  page: Page,
  button: Locator,
  options: { verb?: string; says?: string | RegExp; cancel?: boolean } = {},
) {
  await button.click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toBeVisible();
  if (options.says) await expect(dialog).toContainText(options.says);
  await dialog
    .getByRole("button", { name: options.cancel ? "Cancel" : `Yes, ${(options.verb ?? "Revoke").toLowerCase()}` })
    .click();
  await expect(dialog).toHaveCount(0);
  return dialog;
}
