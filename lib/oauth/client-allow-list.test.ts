import { describe, expect, it } from "vitest";
import { clientAllowed, type ClientAllowList } from "@/lib/oauth/client-allow-list";

const list: ClientAllowList = {
  clientAllowListEnabled: true,
  allowedClientUrls: ["https://app.example/client.json"],
  allowedClientNames: ["Claude"],
  allowedRedirectDomains: ["trusted.example"],
};
const client = (over: Partial<{ clientId: string; name: string; redirectUris: string[] }>) => ({
  clientId: "abc",
  name: "Some app",
  redirectUris: ["https://evil.example/cb"],
  ...over,
});

describe("clientAllowed", () => {
  it("admits every client when the allow-list is off", () => {
    expect(clientAllowed({ ...list, clientAllowListEnabled: false }, client({}))).toBe(true);
    expect(clientAllowed(null, client({}))).toBe(true);
  });
  it("admits by metadata URL, by name (any case) and by redirect domain", () => {
    expect(clientAllowed(list, client({ clientId: "https://app.example/client.json" }))).toBe(true);
    expect(clientAllowed(list, client({ name: "claude" }))).toBe(true);
    expect(
      clientAllowed(list, client({ redirectUris: ["https://trusted.example/cb", "https://a.trusted.example/x"] })),
    ).toBe(true);
  });
  it("blocks a client with any redirect outside the allowed domains", () => {
    expect(clientAllowed(list, client({}))).toBe(false);
    expect(
      clientAllowed(list, client({ redirectUris: ["https://trusted.example/cb", "https://eviltrusted.example/cb"] })),
    ).toBe(false);
  });
});
