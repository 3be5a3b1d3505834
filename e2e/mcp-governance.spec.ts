// An owner governs MCP: the allow-list of OAuth clients and the lifetime cap, with field errors; an
// agent whose app is blocked requests access from the consent page, and the owner approves it.
import { createHash, randomBytes } from "node:crypto";
import { DEMO_PASSWORD, DEMO_USERS, expect, test } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { McpGovernancePage } from "./pages/mcp-governance-page";

const CALLBACK = "http://127.0.0.1:8978/callback";
const APP_NAME = `Governance test app ${randomBytes(3).toString("hex")}`;

test("an owner limits OAuth clients, an agent requests access for a blocked app, the owner approves it", async ({
  page,
  browser,
  signInAs,
}) => {
  const registered = await page.request.post("/api/oauth/register", {
    data: { client_name: APP_NAME, redirect_uris: [CALLBACK], token_endpoint_auth_method: "none" },
  });
  const { client_id: clientId } = (await registered.json()) as { client_id: string };

  await signInAs("owner");
  const governance = new McpGovernancePage(page);
  await governance.goto();
  await governance.allowListSwitch().check();
  await governance.form().getByLabel("Client names").fill("Claude");
  await governance.form().getByLabel("Metadata document URLs").fill("http://plain.example/client.json");
  await governance.form().getByLabel("Longest lifetime of keys and tokens (days)").fill("90");
  await governance.save();
  await expect(governance.form().getByText("each metadata URL must be an https:// URL")).toBeVisible();
  await governance.form().getByLabel("Metadata document URLs").fill("https://app.example/client.json");
  await governance.save();
  await expect(governance.form().getByText("Governance saved.")).toBeVisible();
  await page.reload();
  await expect(governance.allowListSwitch()).toBeChecked();
  await expect(governance.form().getByLabel("Longest lifetime of keys and tokens (days)")).toHaveValue("90");

  // The agent, in a browser of their own, tries to connect the blocked app.
  const agentContext = await browser.newContext();
  const agentPage = await agentContext.newPage();
  await new LoginPage(agentPage).goto();
  await new LoginPage(agentPage).signIn(DEMO_USERS.agent.email, DEMO_PASSWORD);
  await expect(agentPage.getByTestId("current-user")).toContainText(DEMO_USERS.agent.name);
  const authorize = new URL("/api/oauth/authorize", page.url());
  const challenge = createHash("sha256").update(randomBytes(32).toString("base64url")).digest("base64url");
  for (const [key, value] of Object.entries({
    client_id: clientId,
    redirect_uri: CALLBACK,
    response_type: "code",
    code_challenge: challenge,
    code_challenge_method: "S256",
    state: "e2e",
    scope: "tickets:read",
  }))
    authorize.searchParams.set(key, value);
  await agentPage.goto(authorize.toString());
  await expect(agentPage.getByTestId("consent-refusal")).toContainText(`${APP_NAME} is not on`);
  await expect(agentPage.getByRole("button", { name: "Approve" })).toBeDisabled();
  await agentPage.getByRole("button", { name: "Request access" }).click();
  await expect(agentPage.getByRole("heading", { name: "Request sent" })).toBeVisible();
  await agentContext.close();

  // The owner sees the request and approves it; the app joins the allow-list.
  await governance.goto();
  const request = governance.request(APP_NAME);
  await expect(request).toContainText(`${DEMO_USERS.agent.name} asks to allow the app ${APP_NAME}`);
  await request.getByRole("button", { name: "Approve" }).click();
  await expect(request).toContainText(`approved by ${DEMO_USERS.owner.name}`);
  await page.reload();
  await expect(governance.form().getByLabel("Client names")).toHaveValue(`Claude\n${APP_NAME}`);

  // Back to the defaults, so the other browser tests connect their apps freely.
  await governance.allowListSwitch().uncheck();
  await governance.form().getByLabel("Longest lifetime of keys and tokens (days)").fill("");
  await governance.save();
  await expect(governance.form().getByText("Governance saved.")).toBeVisible();
});
