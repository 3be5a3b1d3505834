// The official MCP SDK client's OAuth flow, unmodified, with sign-in and consent
// done by a person in Chromium; then refresh, remembered consent and revocation.
import { auth } from "@modelcontextprotocol/sdk/client/auth.js";
import { DEMO_PASSWORD, DEMO_USERS, expect, test } from "./fixtures";
import { codeOnPage, connectWith, listenForCallback, MemoryProvider } from "./oauth-client";
import { AgentsPage } from "./pages/agents-page";
import { confirmAction } from "./pages/confirm";
import { LoginPage } from "./pages/login-page";
import { McpProfilePage } from "./pages/mcp-profile-page";

const CALLBACK = "http://127.0.0.1:8977/callback";

/** A client registered for everything, redirecting to the fixed loopback listener. */
const clientNamed = (name: string, shared?: MemoryProvider) =>
  new MemoryProvider({ name, redirectUrl: CALLBACK, scope: "mcp:read mcp:write" }, shared);

let listener: Awaited<ReturnType<typeof listenForCallback>>;
test.beforeAll(async () => {
  listener = await listenForCallback(8977);
});
test.afterAll(async () => {
  await listener.close();
});

const connect = (serverUrl: URL, provider: MemoryProvider) => connectWith(serverUrl, provider, { name: "e2e-oauth" });

test("the SDK client connects through sign-in and consent, refreshes, reconnects without consent, and is cut off by a revoke in the UI", async ({
  page,
  baseURL,
}) => {
  const serverUrl = new URL("/api/v1/mcp", baseURL);
  const provider = clientNamed("Deskbridge e2e client");
  expect(await auth(provider, { serverUrl })).toBe("REDIRECT");

  await page.goto(provider.authorizationUrl!.toString());
  await new LoginPage(page).signIn(DEMO_USERS.owner.email, DEMO_PASSWORD);
  await expect(page.getByTestId("consent-client")).toHaveText(
    "Deskbridge e2e client wants to use your Deskbridge account",
  );
  await expect(page.getByTestId("consent-host")).toHaveText("127.0.0.1:8977");
  await expect(page.getByRole("note")).toContainText("Unverified app");
  await expect(page.getByTestId("consent-scopes")).toContainText("Read everything your role can see");
  await expect(page.getByTestId("consent-scopes")).toContainText("Change everything your role can change");
  await page.getByRole("button", { name: "Approve" }).click();
  await page.waitForURL(/127\.0\.0\.1:8977\/callback/);
  const callback = new URL(page.url());
  expect(callback.searchParams.get("iss")).toBe(new URL(baseURL!).origin);
  expect(await auth(provider, { serverUrl, authorizationCode: codeOnPage(page) })).toBe("AUTHORIZED");

  const client = await connect(serverUrl, provider);
  const me = await client.callTool({ name: "get_me", arguments: {} });
  expect(me.structuredContent).toMatchObject({
    role: "owner",
    credential: { kind: "oauth", name: "Deskbridge e2e client" },
  });

  // A stale access token: the SDK meets a 401, refreshes with the rotating refresh token, and retries.
  const first = provider.tokens()!;
  provider.saveTokens({ ...first, access_token: "dba_000000000000000000000000000000000000" });
  const again = await client.callTool({ name: "get_ticket", arguments: { ticket: 7 } });
  expect(again.isError).toBeFalsy();
  expect(provider.tokens()!.refresh_token).not.toBe(first.refresh_token);

  // Second connection of the same client: consent is remembered and skipped.
  const second = clientNamed("Deskbridge e2e client", provider);
  expect(await auth(second, { serverUrl })).toBe("REDIRECT");
  await page.goto(second.authorizationUrl!.toString());
  await page.waitForURL(/127\.0\.0\.1:8977\/callback/);
  expect(await auth(second, { serverUrl, authorizationCode: codeOnPage(page) })).toBe("AUTHORIZED");

  // Revoke in Profile → MCP Integration: access and refresh tokens die at once.
  await page.goto("/profile/mcp");
  const row = page.getByTestId("app-row").filter({ hasText: "Deskbridge e2e client" });
  await expect(row).toContainText("127.0.0.1:8977");
  await new McpProfilePage(page).revokeApp("Deskbridge e2e client");
  await expect(client.callTool({ name: "get_me", arguments: {} })).rejects.toThrow();
  await client.close().catch(() => undefined);
});

test("deny sends access_denied back to the client", async ({ page, baseURL, signInAs }) => {
  const serverUrl = new URL("/api/v1/mcp", baseURL);
  await signInAs("owner");
  const provider = clientNamed("Denied client");
  await auth(provider, { serverUrl });
  await page.goto(provider.authorizationUrl!.toString());
  await page.getByRole("button", { name: "Deny" }).click();
  await page.waitForURL(/127\.0\.0\.1:8977\/callback/);
  expect(new URL(page.url()).searchParams.get("error")).toBe("access_denied");
});

test("an agent sees why they cannot approve under owners-only", async ({ page, baseURL, signInAs }) => {
  const serverUrl = new URL("/api/v1/mcp", baseURL);
  await signInAs("agent");
  const provider = clientNamed("Agent's client");
  await auth(provider, { serverUrl });
  await page.goto(provider.authorizationUrl!.toString());
  await expect(page.getByRole("alert").filter({ hasText: "only owners may" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Approve" })).toBeDisabled();
});

test("an admin sees an owner's authorized app but only an owner revokes it", async ({ page, baseURL, signInAs }) => {
  const serverUrl = new URL("/api/v1/mcp", baseURL);
  await signInAs("owner");
  const provider = clientNamed("Owner's Cursor");
  await auth(provider, { serverUrl });
  await page.goto(provider.authorizationUrl!.toString());
  await page.getByRole("button", { name: "Approve" }).click();
  await page.waitForURL(/127\.0\.0\.1:8977\/callback/);
  await auth(provider, { serverUrl, authorizationCode: codeOnPage(page) });
  const client = await connect(serverUrl, provider);
  await client.listTools();

  await page.goto("/tickets");
  await page.getByRole("button", { name: "Sign out" }).click();
  await signInAs("admin");
  const agents = new AgentsPage(page);
  await agents.open(DEMO_USERS.owner.name);
  const row = page.getByTestId("app-row").filter({ hasText: "Owner's Cursor" });
  await expect(row).toBeVisible();
  await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
  await expect(page.getByText("only an owner can change their role, revoke their access")).toBeVisible();
  await client.listTools();

  await page.getByRole("button", { name: "Sign out" }).click();
  await signInAs("owner");
  await agents.open(DEMO_USERS.owner.name);
  await confirmAction(page, row.getByRole("button", { name: "Revoke Owner's Cursor" }), {
    says: "Owner's Cursor loses access at once",
  });
  await expect(page.getByTestId("app-row").filter({ hasText: "Owner's Cursor" })).toHaveCount(0);
  await expect(client.listTools()).rejects.toThrow();
  await client.close().catch(() => undefined);
});
