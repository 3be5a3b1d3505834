// Step-up as a person sees it: an app connected for reading tickets calls a tool that changes one, is
// told which scopes to ask for, and sends the person back to consent, where only the added access is
// asked for and what they allowed before is listed as kept.
import { auth, extractWWWAuthenticateParams, type OAuthClientProvider } from "@modelcontextprotocol/sdk/client/auth.js";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type {
  OAuthClientInformationMixed,
  OAuthClientMetadata,
  OAuthTokens,
} from "@modelcontextprotocol/sdk/shared/auth.js";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DEMO_PASSWORD, DEMO_USERS, expect, test } from "./fixtures";
import { ConsentPage } from "./pages/consent-page";
import { LoginPage } from "./pages/login-page";

/** An MCP client's storage, kept in memory; it registers its loopback redirect without a port. */
class MemoryProvider implements OAuthClientProvider {
  authorizationUrl: URL | null = null;
  private info?: OAuthClientInformationMixed;
  private saved?: OAuthTokens;
  private verifier = "";

  constructor(private readonly port: number) {}

  get redirectUrl() {
    return `http://127.0.0.1:${this.port}/callback`;
  }
  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: "Step-up e2e client",
      redirect_uris: ["http://127.0.0.1/callback"],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
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
  invalidateCredentials(scope: "all" | "client" | "tokens" | "verifier" | "discovery") {
    if (scope === "tokens" || scope === "all") this.saved = undefined;
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

// The client's loopback listener, on whatever port the system gives it.
let listener: Server;
let port = 0;
test.beforeAll(async () => {
  listener = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/plain" });
    res.end("You can close this window.");
  });
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  port = (listener.address() as AddressInfo).port;
});
test.afterAll(async () => {
  await new Promise((resolve) => listener.close(resolve));
});

test("a step-up from tickets:read to tickets:write asks only for the added access", async ({ page, baseURL }) => {
  const serverUrl = new URL("/api/v1/mcp", baseURL);
  const provider = new MemoryProvider(port);
  const consent = new ConsentPage(page);
  const callback = new RegExp(`127\\.0\\.0\\.1:${port}/callback`);

  expect(await auth(provider, { serverUrl, scope: "tickets:read" })).toBe("REDIRECT");
  await page.goto(provider.authorizationUrl!.toString());
  await new LoginPage(page).signIn(DEMO_USERS.owner.email, DEMO_PASSWORD);
  await consent.expectAsking(["tickets:read"]);
  await expect(consent.kept()).toHaveCount(0);
  await consent.approve();
  await page.waitForURL(callback);
  expect(await auth(provider, { serverUrl, authorizationCode: new URL(page.url()).searchParams.get("code")! })).toBe(
    "AUTHORIZED",
  );

  const challenges: Response[] = [];
  const client = new Client({ name: "e2e-step-up", version: "1.0.0" });
  await client.connect(
    new StreamableHTTPClientTransport(serverUrl, {
      authProvider: provider,
      fetch: async (url, init) => {
        const response = await fetch(url, init);
        if (response.status === 403) challenges.push(response);
        return response;
      },
    }),
  );
  const ticket = (await client.callTool({ name: "get_ticket", arguments: { ticket: 7 } })).structuredContent as {
    priority: string;
  };
  // Setting the priority it already has: a write that leaves the demo data as it was.
  const update = { name: "update_ticket", arguments: { ticket: 7, priority: ticket.priority } };
  await expect(client.callTool(update)).rejects.toThrow(/403/);
  const challenge = extractWWWAuthenticateParams(challenges[0]!);
  expect(challenge).toMatchObject({ error: "insufficient_scope", scope: "tickets:read tickets:write" });

  provider.invalidateCredentials("tokens");
  expect(await auth(provider, { serverUrl, scope: challenge.scope })).toBe("REDIRECT");
  await page.goto(provider.authorizationUrl!.toString());
  await consent.expectAsking(["tickets:write"]);
  await expect(consent.kept()).toContainText("It keeps what you allowed before:");
  await expect(consent.kept()).toContainText("tickets:read");
  await expect(page.getByTestId("consent-scopes")).toContainText("Tickets: Create, update, assign");
  await consent.approve();
  await page.waitForURL(callback);
  expect(await auth(provider, { serverUrl, authorizationCode: new URL(page.url()).searchParams.get("code")! })).toBe(
    "AUTHORIZED",
  );
  expect(provider.tokens()!.scope).toBe("tickets:read tickets:write");
  const updated = await client.callTool(update);
  expect(updated.isError).toBeFalsy();
  await client.close();
});
