// Agent status as an agent uses it: the header menu sets it, the header and the agents list show it,
// and the workspace settings turn round-robin assignment on and off.
import { DEMO_USERS, expect, test } from "./fixtures";
import { AgentsPage } from "./pages/agents-page";

test("setting your status from the header shows it there and on the agents list", async ({ page, signInAs }) => {
  await signInAs("admin");
  const menu = page.getByTestId("status-menu");
  await expect(menu.getByTestId("agent-status").first()).toHaveAttribute("data-status", "offline");
  await menu.locator("summary").click();
  await menu.getByRole("button", { name: "Away" }).click();
  await expect(menu.locator("summary").getByTestId("agent-status")).toHaveText("Away");

  const agents = new AgentsPage(page);
  await agents.goto();
  await expect(agents.row(DEMO_USERS.admin.name).getByTestId("agent-status")).toHaveText("Away");
  // The demo's agents are around already.
  await expect(agents.row(DEMO_USERS.agent.name).getByTestId("agent-status")).toHaveText("Online");

  await menu.locator("summary").click();
  await menu.getByRole("button", { name: "Online" }).click();
  await expect(menu.locator("summary").getByTestId("agent-status")).toHaveText("Online");
  await expect(agents.row(DEMO_USERS.admin.name).getByTestId("agent-status")).toHaveText("Online");
  // Still so after a fresh load.
  await page.reload();
  await expect(menu.locator("summary").getByTestId("agent-status")).toHaveText("Online");
});

test("an owner turns round-robin assignment on and off in the workspace settings", async ({ page, signInAs }) => {
  await signInAs("owner");
  await page.goto("/settings/workspace");
  const group = page.getByRole("group", { name: "Round-robin assignment" });
  await group.getByLabel("On").check();
  await page.getByTestId("round-robin-form").getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Round-robin is on.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("group", { name: "Round-robin assignment" }).getByLabel("On")).toBeChecked();
  await page.getByRole("group", { name: "Round-robin assignment" }).getByLabel("Off").check();
  await page.getByTestId("round-robin-form").getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Round-robin is off.")).toBeVisible();
});
