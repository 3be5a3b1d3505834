import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { AgentsPage } from "./pages/agents-page";
import { LoginPage } from "./pages/login-page";
import { MailboxPage } from "./pages/mailbox-page";
import { SecurityPage, totpCode } from "./pages/security-page";

const PASSWORD = "a fresh agent's password";
/** A 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

/** A new agent, invited by the admin signed in on `adminPage`, who accepts in a browser of their own. */
async function newAgent(browser: Browser, adminPage: Page, name: string) {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${Date.now()}@example.com`;
  const agents = new AgentsPage(adminPage);
  await agents.goto();
  const link = await agents.invite(email, { name });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page.getByTestId("current-user")).toContainText(name);
  return { email, context, page };
}

async function signInElsewhere(browser: Browser, email: string, password = PASSWORD) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(email, password);
  return { context, page, login };
}

const contexts: BrowserContext[] = [];
test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

test("forgot password: the link from the mailbox sets a new password once, then it signs in", async ({
  page,
  browser,
  signInAs,
}) => {
  await signInAs("admin");
  const agent = await newAgent(browser, page, "Rita Reset");
  contexts.push(agent.context);
  await agent.context.clearCookies();

  const visitor = agent.page;
  await visitor.goto("/login");
  await visitor.getByRole("link", { name: "Forgot your password?" }).click();
  // The sign-in page has an Email field too: wait for the new page before filling.
  await expect(visitor.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await visitor.getByLabel("Email").fill(agent.email);
  await visitor.getByRole("button", { name: "Send reset link" }).click();
  await expect(visitor.getByTestId("reset-requested")).toContainText("If an account uses that address");

  // The admin's dev mailbox holds the mail; the link is in its text.
  const mailbox = new MailboxPage(page);
  await mailbox.goto();
  await page.getByTestId("outbox-row").filter({ hasText: agent.email }).getByRole("link").first().click();
  const text = (await mailbox.text().textContent())!;
  const link = /https?:\/\/\S+\/reset-password\?token=\S+/.exec(text)?.[0];
  expect(link).toBeDefined();
  const path = new URL(link!).pathname + new URL(link!).search;

  await visitor.goto(path);
  await visitor.getByLabel("New password").fill("aaaaaaaaaaaa");
  await visitor.getByRole("button", { name: "Set new password" }).click();
  await expect(visitor.locator('[data-field-error="password"]')).toHaveText(
    "The new password needs at least 5 different characters.",
  );
  await visitor.getByLabel("New password").fill("rita's brand new password");
  await visitor.getByRole("button", { name: "Set new password" }).click();
  await expect(visitor).toHaveURL(/\/login\?notice=reset$/);
  await expect(visitor.getByRole("status")).toContainText("Your new password is set");

  const login = new LoginPage(visitor);
  await login.signIn(agent.email, PASSWORD);
  await login.expectError("Wrong email or password.");
  await login.signIn(agent.email, "rita's brand new password");
  await expect(visitor).toHaveURL(/\/tickets$/);

  // The link worked once.
  await visitor.goto(path);
  await expect(visitor.getByTestId("reset-link-spent")).toBeVisible();
});

test("two-factor: enrol with a code, then sign in with a TOTP code and with a recovery code", async ({
  page,
  browser,
  signInAs,
}) => {
  await signInAs("admin");
  const agent = await newAgent(browser, page, "Tom Totp");
  contexts.push(agent.context);
  const security = new SecurityPage(agent.page);
  await security.goto();
  const { secret, recoveryCodes } = await security.enrolTwoFactor();
  await security.goto();
  await expect(agent.page.getByTestId("two-factor-status")).toHaveText("On. 10 of 10 recovery codes left.");

  // A password alone now leads to the code step.
  const phone = await signInElsewhere(browser, agent.email);
  contexts.push(phone.context);
  await expect(phone.page.getByTestId("two-factor-step")).toBeVisible();
  await phone.page.getByLabel("Authentication code").fill("000000");
  await phone.page.getByRole("button", { name: "Verify" }).click();
  await expect(phone.page.locator('[data-field-error="code"]')).toHaveText(
    "That code is not right. Enter the newest code.",
  );
  // The enrolment used this period's code; the next period's is accepted (one step of drift is allowed).
  await phone.page.getByLabel("Authentication code").fill(totpCode(secret, 1));
  await phone.page.getByRole("button", { name: "Verify" }).click();
  await expect(phone.page).toHaveURL(/\/tickets$/);
  await expect(phone.page.getByTestId("current-user")).toContainText("Tom Totp");

  const laptop = await signInElsewhere(browser, agent.email);
  contexts.push(laptop.context);
  await laptop.page.getByLabel("Authentication code").fill(recoveryCodes[0]!);
  await laptop.page.getByRole("button", { name: "Verify" }).click();
  await expect(laptop.page).toHaveURL(/\/tickets$/);

  await security.goto();
  await expect(agent.page.getByTestId("two-factor-status")).toHaveText("On. 9 of 10 recovery codes left.");
});

test("sign out everywhere ends the session of a second browser", async ({ page, browser, signInAs }) => {
  await signInAs("admin");
  const agent = await newAgent(browser, page, "Sam Sessions");
  contexts.push(agent.context);
  const other = await signInElsewhere(browser, agent.email);
  contexts.push(other.context);
  await expect(other.page).toHaveURL(/\/tickets$/);

  const security = new SecurityPage(agent.page);
  await security.goto();
  await expect(security.sessions()).toHaveCount(2);
  await expect(security.sessions().filter({ hasText: "This device" })).toHaveCount(1);
  await security.signOutEverywhere();

  await other.page.goto("/tickets");
  await expect(other.page).toHaveURL(/\/login/);
  await agent.page.goto("/tickets");
  await expect(agent.page).toHaveURL(/\/login/);
});

test("profile: a new name and picture show in the app bar; a file that is not an image is refused", async ({
  page,
  browser,
  signInAs,
}) => {
  await signInAs("admin");
  const agent = await newAgent(browser, page, "Pia Picture");
  contexts.push(agent.context);
  const me = agent.page;
  await me.goto("/profile");
  await expect(me.getByTestId("current-user").getByTestId("avatar-initials")).toHaveText("PP");

  await me.getByLabel("Name", { exact: true }).fill("Pia Portrait");
  await me.getByRole("button", { name: "Save name" }).click();
  await expect(me.getByTestId("current-user")).toContainText("Pia Portrait");

  const form = me.getByTestId("avatar-form");
  await form.getByLabel("Profile picture").setInputFiles({
    name: "me.png",
    mimeType: "image/png",
    buffer: Buffer.from("not really a picture"),
  });
  await form.getByRole("button", { name: "Upload" }).click();
  await expect(me.locator('[data-field-error="avatar"]')).toHaveText(
    "The picture must be a PNG, JPEG, WebP or GIF image.",
  );
  await form.getByLabel("Profile picture").setInputFiles({ name: "me.png", mimeType: "image/png", buffer: PNG });
  await form.getByRole("button", { name: "Upload" }).click();
  const picture = me.getByTestId("current-user").getByTestId("avatar-image");
  await expect(picture).toBeVisible();
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
});
