// The official MCP SDK client's OAuth flow, unmodified, with sign-in and consent
// done by a person in Chromium; then refresh, remembered consent and revocation.
import { auth, type OAuthClientProvider } from "@modelcontextprotocol/sdk/client/auth.js";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type {
  OAuthClientInformationMixed,
  OAuthClientMetadata,
  OAuthTokens,
} from "@modelcontextprotocol/sdk/shared/auth.js";
import { createServer, type Server } from "node:http";
import { DEMO_PASSWORD, DEMO_USERS, expect, test } from "./fixtures";
import { AgentsPage } from "./pages/agents-page";
import { confirmAction } from "./pages/confirm";
import { LoginPage } from "./pages/login-page";
import { McpProfilePage } from "./pages/mcp-profile-page";

const CALLBACK = "http://127.0.0.1:8977/callback";

/** An MCP client's storage, kept in memory. */
class MemoryProvider implements OAuthClientProvider {
  authorizationUrl: URL | null = null;
  private info?: OAuthClientInformationMixed;
  private saved?: OAuthTokens;
  private verifier = "";

  constructor(
    private readonly name: string,
    shared?: MemoryProvider,
  ) {
    this.info = shared?.info;
  }

  get redirectUrl() {
    return CALLBACK;
  }
  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: this.name,
      redirect_uris: [CALLBACK],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
      scope: "mcp:read mcp:write",
    };
  }
  clientInformation() {
    return this.info;
  }
  saveClientInformation(info: OAuthClientInformationMixed) {
    this.info = info;
  }
  tokens() {
    return this.saved;
  }
  saveTokens(tokens: OAuthTokens) {
    this.saved = tokens;
  }
  redirectToAuthorization(url: URL) {
    this.authorizationUrl = url;
  }
  saveCodeVerifier(verifier: string) {
    this.verifier = verifier;
  }
  codeVerifier() {
    return this.verifier;
  }
}

// The client's loopback listener, as Claude Code or Cursor run one.
let listener: Server;
test.beforeAll(async () => {
  listener = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/plain" });
    res.end("You can close this window.");
  });
  await new Promise<void>((resolve) => listener.listen(8977, "127.0.0.1", resolve));
});
test.afterAll(async () => {
  await new Promise((resolve) => listener.close(resolve));
});

async function connect(serverUrl: URL, provider: MemoryProvider) {
  const client = new Client({ name: "e2e-oauth", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(serverUrl, { authProvider: provider }));
  return client;
}

test("the SDK client connects through sign-in and consent, refreshes, reconnects without consent, and is cut off by a revoke in the UI", async ({
  page,
  baseURL,
}) => {
  const serverUrl = new URL("/api/v1/mcp", baseURL);
  const provider = new MemoryProvider("Deskbridge e2e client");
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
  expect(await auth(provider, { serverUrl, authorizationCode: callback.searchParams.get("code")! })).toBe("AUTHORIZED");

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
  const second = new MemoryProvider("Deskbridge e2e client", provider);
  expect(await auth(second, { serverUrl })).toBe("REDIRECT");
  await page.goto(second.authorizationUrl!.toString());
  await page.waitForURL(/127\.0\.0\.1:8977\/callback/);
  expect(await auth(second, { serverUrl, authorizationCode: new URL(page.url()).searchParams.get("code")! })).toBe(
    "AUTHORIZED",
  );

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
  const provider = new MemoryProvider("Denied client");
  await auth(provider, { serverUrl });
  await page.goto(provider.authorizationUrl!.toString());
  await page.getByRole("button", { name: "Deny" }).click();
  await page.waitForURL(/127\.0\.0\.1:8977\/callback/);
  expect(new URL(page.url()).searchParams.get("error")).toBe("access_denied");
});

test("an agent sees why they cannot approve under owners-only", async ({ page, baseURL, signInAs }) => {
  const serverUrl = new URL("/api/v1/mcp", baseURL);
  await signInAs("agent");
  const provider = new MemoryProvider("Agent's client");
  await auth(provider, { serverUrl });
  await page.goto(provider.authorizationUrl!.toString());
  await expect(page.getByRole("alert").filter({ hasText: "only owners may" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Approve" })).toBeDisabled();
});

test("an admin sees an owner's authorized app but only an owner revokes it", async ({ page, baseURL, signInAs }) => {
  const serverUrl = new URL("/api/v1/mcp", baseURL);
  await signInAs("owner");
  const provider = new MemoryProvider("Owner's Cursor");
  await auth(provider, { serverUrl });
  await page.goto(provider.authorizationUrl!.toString());
  await page.getByRole("button", { name: "Approve" }).click();
  await page.waitForURL(/127\.0\.0\.1:8977\/callback/);
  await auth(provider, { serverUrl, authorizationCode: new URL(page.url()).searchParams.get("code")! });
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
