// Step-up as a person sees it: an app connected for reading tickets calls a tool that changes one, is
// told which scopes to ask for, and sends the person back to consent, where only the added access is
// asked for and what they allowed before is listed as kept.
import { auth, extractWWWAuthenticateParams } from "@modelcontextprotocol/sdk/client/auth.js";
import { DEMO_PASSWORD, DEMO_USERS, expect, test } from "./fixtures";
import { codeOnPage, connectWith, listenForCallback, MemoryProvider } from "./oauth-client";
import { ConsentPage } from "./pages/consent-page";
import { LoginPage } from "./pages/login-page";

// The client's loopback listener, on whatever port the system gives it.
let listener: Awaited<ReturnType<typeof listenForCallback>>;
let port = 0;
test.beforeAll(async () => {
  listener = await listenForCallback();
  port = listener.port;
});
test.afterAll(async () => {
  await listener.close();
});

test("a step-up from tickets:read to tickets:write asks only for the added access", async ({ page, baseURL }) => {
  const serverUrl = new URL("/api/v1/mcp", baseURL);
  // It registers its loopback redirect without a port.
  const provider = new MemoryProvider({
    name: "Step-up e2e client",
    redirectUrl: `http://127.0.0.1:${port}/callback`,
    redirectUris: ["http://127.0.0.1/callback"],
  });
  const consent = new ConsentPage(page);
  const callback = new RegExp(`127\\.0\\.0\\.1:${port}/callback`);

  expect(await auth(provider, { serverUrl, scope: "tickets:read" })).toBe("REDIRECT");
  await page.goto(provider.authorizationUrl!.toString());
  await new LoginPage(page).signIn(DEMO_USERS.owner.email, DEMO_PASSWORD);
  await consent.expectAsking(["tickets:read"]);
  await expect(consent.kept()).toHaveCount(0);
  await consent.approve();
  await page.waitForURL(callback);
  expect(await auth(provider, { serverUrl, authorizationCode: codeOnPage(page) })).toBe("AUTHORIZED");

  const challenges: Response[] = [];
  const client = await connectWith(serverUrl, provider, {
    name: "e2e-step-up",
    fetch: async (url, init) => {
      const response = await fetch(url, init);
      if (response.status === 403) challenges.push(response);
      return response;
    },
  });
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
  expect(await auth(provider, { serverUrl, authorizationCode: codeOnPage(page) })).toBe("AUTHORIZED");
  expect(provider.tokens()!.scope).toBe("tickets:read tickets:write");
  const updated = await client.callTool(update);
  expect(updated.isError).toBeFalsy();
  await client.close();
});
