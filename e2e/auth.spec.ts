import { DEMO_PASSWORD, DEMO_USERS, expect, test } from "./fixtures";

test("a wrong password is refused with a message, the right one signs in", async ({ page, loginPage }) => {
  await loginPage.goto();
  await loginPage.signIn(DEMO_USERS.agent.email, "not-the-password");
  await loginPage.expectError("Wrong email or password.");
  await loginPage.signIn(DEMO_USERS.agent.email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/tickets$/);
  await expect(page.getByTestId("current-user")).toContainText(`${DEMO_USERS.agent.name} · agent`);
});

test("repeated wrong passwords are throttled with a sentence that says when to try again", async ({ loginPage }) => {
  // An account nobody has: the answer is the same as for a real one.
  const email = `nobody.${Date.now()}@acme.test`;
  await loginPage.goto();
  for (let i = 0; i < 5; i++) {
    await loginPage.signInAndWait(email, `wrong-${i}`);
    await loginPage.expectError("Wrong email or password.");
  }
  await loginPage.signInAndWait(email, "wrong-again");
  await loginPage.expectError(/^Too many sign-in attempts\. Try again in \d+ seconds\.$/);
});

test("a return path that would leave the app after sign-in lands on the tickets", async ({ page, loginPage }) => {
  await loginPage.goto(`/login?callbackUrl=${encodeURIComponent("/\t/127.0.0.1:8766/pwned")}`);
  await loginPage.signIn(DEMO_USERS.agent.email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/tickets$/);
});

test("a bad email gets a field message", async ({ page, loginPage }) => {
  await loginPage.goto();
  await loginPage.signIn("not-an-email", "x");
  await expect(page.locator('[data-field-error="email"]')).toHaveText("Enter a valid email address");
});

test("a signed-out visit to a ticket goes through sign-in and comes back", async ({ page, loginPage }) => {
  await page.goto("/tickets/12");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Ftickets%2F12/);
  await loginPage.signIn(DEMO_USERS.owner.email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/tickets\/12$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("#12");
});

test("sign out ends the session", async ({ page, signInAs }) => {
  await signInAs("admin");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/tickets");
  await expect(page).toHaveURL(/\/login/);
});

test("a user in two workspaces switches between them", async ({ page, signInAs }) => {
  await signInAs("owner");
  const switcher = page.getByLabel("Workspace");
  await expect(switcher).toHaveValue("acme");
  await switcher.selectOption({ label: "Globex Help Center" });
  await expect(page.getByLabel("Workspace")).toHaveValue("globex");
  await expect(page.getByTestId("current-user")).toContainText("agent");
});
