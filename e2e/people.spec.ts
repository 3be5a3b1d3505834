// Admin → Agents as a new admin would use it: invitations, roles, offboarding,
// and the confirmations and messages around them.
import { DEMO_PASSWORD, DEMO_USERS, expect, test } from "./fixtures";
import { AgentsPage } from "./pages/agents-page";
import { ApiAccessPage } from "./pages/api-access-page";
import { confirmAction } from "./pages/confirm";
import { LoginPage } from "./pages/login-page";
import { TicketPage } from "./pages/ticket-page";

test("revoking a key asks first, naming what stops working; cancel keeps it", async ({ page, signInAs }) => {
  await signInAs("admin");
  const apiAccess = new ApiAccessPage(page);
  await apiAccess.goto();
  const secret = await apiAccess.createKey("Nightly export");
  const masked = `dbk_…${secret.slice(-4)}`;
  const revoke = page.getByRole("button", { name: "Revoke Nightly export" });
  await confirmAction(page, revoke, { cancel: true, says: `${masked} are refused from their next request` });
  await expect(apiAccess.row("Nightly export")).toHaveAttribute("data-status", "active");
  await apiAccess.revoke("Nightly export", "keys created with it are revoked too");
});

test("an invitation link is shown once and lets the person set a password and sign in", async ({
  page,
  browser,
  signInAs,
}) => {
  const email = `nina.${Date.now()}@example.com`;
  await signInAs("admin");
  const agents = new AgentsPage(page);
  await agents.goto();
  const link = await agents.invite(email, { name: "Nina Novak" });
  expect(link).toMatch(/\/invite\/dbi_[0-9A-Za-z]{36}$/);
  // Shown once: after a reload only the pending invitation remains.
  await page.reload();
  await expect(page.getByTestId("new-secret")).toHaveCount(0);
  await expect(page.getByTestId("invitation-row").filter({ hasText: email })).toBeVisible();
  expect(await page.content()).not.toContain(link);

  const fresh = await browser.newContext();
  try {
    const invitee = await fresh.newPage();
    await invitee.goto(link);
    await expect(invitee.getByRole("heading", { level: 1 })).toHaveText("Join Acme Support on Deskbridge");
    await expect(invitee.getByLabel("Your name")).toHaveValue("Nina Novak");
    await invitee.getByLabel("Password").fill("short");
    await invitee.getByRole("button", { name: "Create account and join" }).click();
    await expect(invitee.locator('[data-field-error="password"]')).toHaveText(
      "Password must be at least 10 characters.",
    );
    await invitee.getByLabel("Password").fill("nina's own password");
    await invitee.getByRole("button", { name: "Create account and join" }).click();
    await expect(invitee).toHaveURL(/\/tickets$/);
    await expect(invitee.getByTestId("current-user")).toContainText("Nina Novak · agent");

    // The link worked once.
    await invitee.goto(link);
    await expect(invitee.getByTestId("invitation-status")).toContainText("already used");
  } finally {
    await fresh.close();
  }
  await agents.goto();
  await expect(agents.row("Nina Novak")).toHaveAttribute("data-status", "active");
  await expect(page.getByTestId("invitation-row").filter({ hasText: email })).toHaveCount(0);
});

test("an admin changes an agent's role within the rank rule; the message clears itself", async ({ page, signInAs }) => {
  await signInAs("admin");
  const agents = new AgentsPage(page);
  await agents.open("Ben Brooks");
  // An admin cannot make an owner.
  await expect(page.getByLabel(/^Role of /).locator("option")).toHaveText(["admin", "agent"]);
  await agents.changeRole("admin");
  const done = page.getByRole("status").filter({ hasText: "Role changed to admin." });
  await expect(done).toBeVisible();
  await expect(agents.role()).toHaveText("admin");
  await expect(done).toBeHidden();
  await agents.changeRole("agent");
  await expect(agents.role()).toHaveText("agent");

  // The owner's page offers an admin no way to act on the owner.
  await agents.open(DEMO_USERS.owner.name);
  await expect(
    page.getByText("only an owner can change their role, revoke their access or offboard them"),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: /Offboard/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Change role" })).toHaveCount(0);
});

test("offboarding ends sign-in to the workspace until an admin reactivates", async ({ page, browser, signInAs }) => {
  await signInAs("admin");
  const agents = new AgentsPage(page);
  await agents.open("Chen Li");
  await agents.offboard("Chen Li", /Chen Li can no longer sign in to Acme Support\. Their \d+ active tokens/);
  await agents.goto();
  await expect(agents.row("Chen Li")).toHaveAttribute("data-status", "deactivated");
  await expect(agents.row("Chen Li")).toContainText("Deactivated");

  const signInAsChen = async () => {
    const context = await browser.newContext();
    const chen = await context.newPage();
    const login = new LoginPage(chen);
    await login.goto();
    await login.signIn("chen@acme.test", DEMO_PASSWORD);
    return { context, chen };
  };
  const first = await signInAsChen();
  await expect(first.chen.getByTestId("no-workspace")).toContainText("not an active member of any workspace");
  await first.chen.goto("/profile/mcp");
  await expect(first.chen).toHaveURL(/\/login/);
  await first.context.close();

  await agents.open("Chen Li");
  await agents.reactivate();
  const second = await signInAsChen();
  await expect(second.chen.getByTestId("current-user")).toContainText("Chen Li · agent");
  await second.context.close();
});

test("a bad tag is named in one sentence, once", async ({ page, signInAs }) => {
  await signInAs("agent");
  const ticket = new TicketPage(page);
  await ticket.goto(4);
  await ticket.addTags("bad tag!");
  const alert = page.locator("form[data-action='Add tags']").getByRole("alert");
  await expect(alert).toHaveText(
    "Tag names are letters, numbers, spaces, dots, dashes and underscores, starting with a letter or number: “bad tag!” is not.",
  );
  await expect(page.getByText("tags.0")).toHaveCount(0);
});
