import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { ComposerFiles } from "./pages/composer-files";
import type { TicketsPage } from "./pages/tickets-page";

// A 1×1 PNG.
const PIXEL = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

test.beforeEach(async ({ signInAs }) => {
  await signInAs("agent");
});

/** Opens an open ticket near the end of the list, which other specs leave alone. */
async function openATicket(page: Page, ticketsPage: TicketsPage) {
  await ticketsPage.goto("?status=open&sort=created");
  await ticketsPage.rows().nth(-2).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/tickets\/\d+$/);
}

test("an agent attaches files by choosing, dropping and pasting, and opens them under the note", async ({
  page,
  ticketsPage,
  ticketPage,
}) => {
  const files = new ComposerFiles(page);
  await openATicket(page, ticketsPage);

  await files.choose(
    { name: "pixel.png", mimeType: "image/png", base64: PIXEL },
    { name: "unwanted.txt", mimeType: "text/plain", text: "not this one" },
  );
  await files.drop({ name: "dropped-log.txt", mimeType: "text/plain", text: "export failed at 10:42\n" });
  await files.paste({ name: "pasted.csv", mimeType: "text/csv", text: "a,b\n1,2\n" });
  await expect(files.chips()).toHaveCount(4);
  await files.remove("unwanted.txt");
  await expect(files.chips()).toHaveText([/^pixel\.png/, /^dropped-log\.txt/, /^pasted\.csv/]);

  await ticketPage.reply("Screenshot and logs attached.", "note");
  await expect(files.chips()).toHaveCount(0);
  const shown = files.lastMessageFiles();
  await expect(shown.getByRole("link", { name: /^pixel\.png/ })).toBeVisible();
  await expect(shown.getByRole("link", { name: /^dropped-log\.txt/ })).toBeVisible();
  await expect(shown.getByRole("link", { name: /^pasted\.csv/ })).toBeVisible();
  await expect(shown.getByRole("link", { name: /^unwanted\.txt/ })).toHaveCount(0);
  await expect(ticketPage.activity()).toContainText("attached pixel.png");

  // The image previews inline: it loads, and opening it shows the picture itself.
  const preview = shown.getByRole("img", { name: "Preview of pixel.png" });
  await expect(preview).toBeVisible();
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  const [tab] = await Promise.all([page.waitForEvent("popup"), preview.click()]);
  await tab.waitForLoadState();
  await expect(tab.locator("img")).toHaveJSProperty("naturalWidth", 1);
  await tab.close();

  // Any other file downloads under its own name, with its bytes.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    shown.getByRole("link", { name: /^dropped-log\.txt/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("dropped-log.txt");
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).toString()).toBe("export failed at 10:42\n");
});

test("a file over the size cap is refused in the composer before anything is sent", async ({ page, ticketsPage }) => {
  const files = new ComposerFiles(page);
  await openATicket(page, ticketsPage);
  await page.getByLabel("Attach files").setInputFiles({
    name: "huge.bin",
    mimeType: "application/octet-stream",
    buffer: Buffer.alloc(10 * 1024 * 1024 + 1),
  });
  await expect(page.getByTestId("attachment-picker").getByRole("alert")).toHaveText(
    "huge.bin is larger than 10 MB, the limit for one file.",
  );
  await expect(files.chips()).toHaveCount(0);
});
