import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { AgentsPage } from "./pages/agents-page";
import { LoginPage } from "./pages/login-page";
import { MailboxPage } from "./pages/mailbox-page";
import { McpProfilePage } from "./pages/mcp-profile-page";
import { SecurityPage, totpCode } from "./pages/security-page";

const PASSWORD = "a fresh agent's password";
/** A 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

/** A new agent (or admin), invited by the admin signed in on `adminPage`, who accepts in a browser of their own. */
async function newAgent(browser: Browser, adminPage: Page, name: string, role: "admin" | "agent" = "agent") {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${Date.now()}@example.com`;
  const agents = new AgentsPage(adminPage);
  await agents.goto();
  const link = await agents.invite(email, { name, role });
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

test("new recovery codes: the password is asked, the old codes stop working and a new one signs in", async ({
  page,
  browser,
  signInAs,
}) => {
  await signInAs("admin");
  const agent = await newAgent(browser, page, "Rhea Recovery");
  contexts.push(agent.context);
  const security = new SecurityPage(agent.page);
  await security.goto();
  const { recoveryCodes: oldCodes } = await security.enrolTwoFactor();
  await security.goto();

  const form = agent.page.getByTestId("regenerate-recovery-codes");
  await form.getByLabel("Password or a code from your app").fill("not my password");
  await form.getByRole("button", { name: "New recovery codes" }).click();
  await expect(agent.page.locator('[data-field-error="password_or_code"]')).toHaveText(
    "That is neither your password nor a current code from your authenticator app.",
  );
  await form.getByLabel("Password or a code from your app").fill(PASSWORD);
  await form.getByRole("button", { name: "New recovery codes" }).click();
  const shown = agent.page.getByTestId("recovery-codes").getByRole("listitem");
  await expect(shown).toHaveCount(10);
  const newCodes = (await shown.allTextContents()).map((c) => c.trim());
  expect(newCodes.some((code) => oldCodes.includes(code))).toBe(false);
  await agent.page.getByRole("link", { name: "I saved them, continue" }).click();
  await expect(agent.page.getByTestId("two-factor-status")).toHaveText("On. 10 of 10 recovery codes left.");
  // Shown once: the page offers to make new ones, not the codes again.
  await expect(agent.page.getByTestId("recovery-codes")).toHaveCount(0);

  const laptop = await signInElsewhere(browser, agent.email);
  contexts.push(laptop.context);
  await laptop.page.getByLabel("Authentication code").fill(oldCodes[0]!);
  await laptop.page.getByRole("button", { name: "Verify" }).click();
  await expect(laptop.page.locator('[data-field-error="code"]')).toHaveText(
    "That code is not right. Enter the newest code.",
  );
  await laptop.page.getByLabel("Authentication code").fill(newCodes[0]!);
  await laptop.page.getByRole("button", { name: "Verify" }).click();
  await expect(laptop.page).toHaveURL(/\/tickets$/);
  await expect(laptop.page.getByTestId("current-user")).toContainText("Rhea Recovery");
});

test("profile: a picture removed gives way to the initials again", async ({ page, browser, signInAs }) => {
  await signInAs("admin");
  const agent = await newAgent(browser, page, "Rob Remove");
  contexts.push(agent.context);
  const me = agent.page;
  await me.goto("/profile");
  const form = me.getByTestId("avatar-form");
  await expect(form.getByRole("button", { name: "Remove picture" })).toHaveCount(0);
  await form.getByLabel("Profile picture").setInputFiles({ name: "me.png", mimeType: "image/png", buffer: PNG });
  await form.getByRole("button", { name: "Upload" }).click();
  await expect(me.getByTestId("current-user").getByTestId("avatar-image")).toBeVisible();

  await form.getByRole("button", { name: "Remove picture" }).click();
  await expect(form.getByText("Picture removed.")).toBeVisible();
  await expect(me.getByTestId("current-user").getByTestId("avatar-initials")).toHaveText("RR");
  await expect(me.getByTestId("current-user").getByTestId("avatar-image")).toHaveCount(0);
  await expect(form.getByRole("button", { name: "Remove picture" })).toHaveCount(0);
  await me.reload();
  await expect(me.getByTestId("current-user").getByTestId("avatar-initials")).toHaveText("RR");
});

test("a workspace requiring two-factor sends an admin to set it up at the next sign-in; their token keeps working", async ({
  page,
  browser,
  request,
  signInAs,
}) => {
  await signInAs("owner");
  const admin = await newAgent(browser, page, "Ada Enrol", "admin");
  contexts.push(admin.context);
  const profile = new McpProfilePage(admin.page);
  await profile.goto();
  await profile.generate("Ada's laptop");
  const token = (await admin.page.getByTestId("new-secret").textContent())!.trim();
  const whoAmI = async () => {
    const response = await request.post("/api/v1/mcp", {
      headers: { Authorization: `Bearer ${token}`, Accept: "application/json, text/event-stream" },
      data: { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "get_me", arguments: {} } },
    });
    expect(response.status()).toBe(200);
    return ((await response.json()) as { result: { structuredContent: Record<string, unknown> } }).result
      .structuredContent;
  };

  const settings = page.getByTestId("require-two-factor-form");
  const requireTwoFactor = async (on: boolean) => {
    await page.goto("/settings/workspace");
    await settings.getByLabel(on ? "On" : "Off", { exact: true }).check();
    await settings.getByRole("button", { name: "Save" }).click();
    await expect(
      settings.getByText(
        on ? "Owners and admins now need two-factor sign-in." : "Two-factor sign-in is no longer required.",
      ),
    ).toBeVisible();
  };
  await requireTwoFactor(true);
  try {
    const next = await signInElsewhere(browser, admin.email);
    contexts.push(next.context);
    await expect(next.page).toHaveURL(/\/two-factor\/enrol$/);
    await expect(
      next.page.getByText("Your workspace requires two-factor sign-in for owners and admins."),
    ).toBeVisible();
    // Nothing else opens before it is set up.
    await next.page.goto("/tickets");
    await expect(next.page).toHaveURL(/\/two-factor\/enrol$/);
    // The MCP credential is not a web sign-in: it keeps working meanwhile.
    expect(await whoAmI()).toMatchObject({ role: "admin", user: { name: "Ada Enrol" } });

    await new SecurityPage(next.page).enrolTwoFactor();
    await next.page.getByRole("link", { name: "I saved them, continue" }).click();
    await expect(next.page).toHaveURL(/\/tickets$/);
    await expect(next.page.getByTestId("current-user")).toContainText("Ada Enrol");
    expect(await whoAmI()).toMatchObject({ role: "admin" });
  } finally {
    await requireTwoFactor(false);
  }
});
