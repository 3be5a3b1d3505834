// An MCP client's side of OAuth in browser tests: its token storage for the SDK's auth(), and the
// loopback listener its redirect lands on, as Claude Code or Cursor run one. The person's side is the page.
import type { OAuthClientProvider } from "@modelcontextprotocol/sdk/client/auth.js";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type {
  OAuthClientInformationMixed,
  OAuthClientMetadata,
  OAuthTokens,
} from "@modelcontextprotocol/sdk/shared/auth.js";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";

type Registration = {
  name: string;
  /** Where the authorization answer goes. */
  redirectUrl: string;
  /** The redirects it registers, when not just `redirectUrl` (a loopback one may leave the port out). */
  redirectUris?: string[];
  scope?: string;
};

/** An MCP client's storage, kept in memory; the authorization URL it would open is kept for the page. */
export class MemoryProvider implements OAuthClientProvider {
  authorizationUrl: URL | null = null;
  private info?: OAuthClientInformationMixed;
  private saved?: OAuthTokens;
  private verifier = "";

  /** `shared`: another provider of the same client, whose registration this one reuses. */
  constructor(
    private readonly registration: Registration,
    shared?: MemoryProvider,
  ) {
    this.info = shared?.info;
  }

  get redirectUrl() {
    return this.registration.redirectUrl;
  }
  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: this.registration.name,
      redirect_uris: this.registration.redirectUris ?? [this.registration.redirectUrl],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
      ...(this.registration.scope ? { scope: this.registration.scope } : {}),
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

/** The client's loopback listener on 127.0.0.1: on `port`, or on whatever port the system gives (0). */
export async function listenForCallback(port = 0): Promise<{ port: number; close: () => Promise<void> }> {
  const listener: Server = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/plain" });
    res.end("You can close this window.");
  });
  await new Promise<void>((resolve) => listener.listen(port, "127.0.0.1", resolve));
  return {
    port: (listener.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => listener.close(() => resolve())),
  };
}

/** The authorization code on the page the browser was redirected to. */
export const codeOnPage = (page: Page) => new URL(page.url()).searchParams.get("code")!;

/** Connects the official SDK client with the provider's tokens; `fetch` sees every request it makes. */
export async function connectWith(
  serverUrl: URL,
  provider: MemoryProvider,
  options: { name: string; fetch?: typeof fetch },
) {
  const client = new Client({ name: options.name, version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(serverUrl, { authProvider: provider, fetch: options.fetch }));
  return client;
}
