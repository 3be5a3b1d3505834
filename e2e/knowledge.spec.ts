import { HelpCenterPage, KnowledgePage } from "./pages/knowledge-page";
import { expect, test } from "./fixtures";

const WORKSPACE = "acme";

test("an agent publishes an article and a visitor finds it on the public help center by search", async ({
  page,
  browser,
  signInAs,
}) => {
  await signInAs("agent");
  const knowledge = new KnowledgePage(page);
  const title = `Pair a hardware security key ${Date.now()}`;
  await knowledge.newArticle({
    title,
    category: "Troubleshooting",
    body: "Plug the key in, open **Profile → Security** and choose *Add a security key*.",
  });
  await expect((await knowledge.preview()).locator("strong")).toHaveText("Profile → Security");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page).toHaveURL(/\/knowledge\/[^/?]+\?saved=1$/);
  await expect(knowledge.status()).toHaveText("published");
  await expect(knowledge.publicUrl()).toContainText(`/help/${WORKSPACE}/pair-a-hardware-security-key-`);

  // A visitor with no account at all.
  const visitor = await browser.newContext();
  const publicPage = await visitor.newPage();
  const help = new HelpCenterPage(publicPage);
  await help.goto(WORKSPACE);
  await expect(publicPage.getByTestId("help-section").first()).toBeVisible();
  await help.search("hardware security key");
  await expect(help.results().first()).toContainText(title);
  await expect(help.results().first().locator("mark").first()).toBeVisible();
  await help.results().first().getByRole("link").click();
  await expect(publicPage.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(publicPage.getByTestId("article-body").locator("strong")).toHaveText("Profile → Security");

  // Seeded drafts stay inside the app.
  await help.search("keyboard shortcuts");
  await expect(publicPage.getByRole("heading", { name: /No articles match/ })).toBeVisible();
  await visitor.close();
});

test("insert article link puts a published article's public URL into the reply", async ({
  page,
  signInAs,
  ticketPage,
}) => {
  await signInAs("agent");
  await ticketPage.goto(1);
  await page.getByLabel("Message").fill("Hello! This explains how refunds work:");
  await page.getByRole("button", { name: "Insert article link" }).click();
  await page.getByLabel("Find a published article").fill("refund");
  const dialog = page.getByRole("dialog", { name: "Insert article link" });
  await expect(dialog.getByRole("button", { name: /Keyboard shortcuts/ })).toHaveCount(0);
  await dialog.getByRole("button", { name: /Refund policy/ }).click();
  await expect(page.getByLabel("Message")).toHaveValue(
    /^Hello! This explains how refunds work:\nRefund policy: http:\/\/[^/]+\/help\/acme\/refund-policy$/,
  );
  await ticketPage.reply(await page.getByLabel("Message").inputValue());
  await expect(page.getByTestId("timeline").locator('li[data-entry="message"]').last()).toContainText(
    "/help/acme/refund-policy",
  );
});

test("the knowledge pages and the help center fit a 390 px phone without sideways scrolling", async ({
  page,
  browser,
  signInAs,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs("agent");
  const knowledge = new KnowledgePage(page);
  await knowledge.goto();
  await knowledge.rows().first().getByRole("link").click();
  await expect(knowledge.status()).toBeVisible();
  const articlePath = new URL(page.url()).pathname;
  const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
  for (const path of ["/knowledge", "/knowledge/new", articlePath]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    expect(await scrollWidth(), path).toBeLessThanOrEqual(390);
  }
  const visitor = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const publicPage = await visitor.newPage();
  for (const path of [`/help/${WORKSPACE}`, `/help/${WORKSPACE}?q=refund`, `/help/${WORKSPACE}/refund-policy`]) {
    await publicPage.goto(path);
    await expect(publicPage.getByRole("link", { name: /help center$/ })).toBeVisible();
    expect(await publicPage.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
  }
  await visitor.close();
});
