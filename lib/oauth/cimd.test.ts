import { describe, expect, it } from "vitest";
import { fetchClientDocument, isPrivateAddress, parseClientDocument } from "@/lib/oauth/cimd";
import { OAuthError } from "@/lib/oauth/errors";

const URL_ID = "https://client.example.com/oauth/metadata.json";
const doc = {
  client_id: URL_ID,
  client_name: "Example MCP client",
  redirect_uris: ["https://client.example.com/callback", "http://127.0.0.1/callback"],
};

describe("client ID metadata documents", () => {
  it("accepts a document whose client_id is its own URL", () => {
    expect(parseClientDocument(URL_ID, doc)).toMatchObject({
      clientId: URL_ID,
      name: "Example MCP client",
      redirectUris: doc.redirect_uris,
    });
  });

  it("refuses a document whose client_id differs from its URL", () => {
    expect(() => parseClientDocument(URL_ID, { ...doc, client_id: "https://evil.example/metadata.json" })).toThrow(
      /must equal its URL/,
    );
  });

  it("refuses unusable redirect URIs and malformed documents", () => {
    expect(() => parseClientDocument(URL_ID, { ...doc, redirect_uris: ["http://evil.example/cb"] })).toThrow(
      OAuthError,
    );
    expect(() => parseClientDocument(URL_ID, { client_id: URL_ID })).toThrow(/not valid client metadata/);
  });

  it.each([
    "127.0.0.1",
    "10.1.2.3",
    "172.16.0.1",
    "192.168.1.1",
    "169.254.169.254",
    "::1",
    "fd00::1",
    "fe80::1",
    "::ffff:127.0.0.1",
    "0.0.0.0",
  ])("treats %s as private", (address) => expect(isPrivateAddress(address)).toBe(true));

  it.each(["93.184.216.34", "2606:2800:220:1::1"])("treats %s as public", (address) =>
    expect(isPrivateAddress(address)).toBe(false),
  );

  it("never fetches from a private address, and needs https", async () => {
    const fetcher = () => Promise.reject(new Error("must not be called"));
    await expect(fetchClientDocument("https://127.0.0.1/meta.json", fetcher)).rejects.toThrow(
      /private, loopback or link-local/,
    );
    await expect(fetchClientDocument("https://[::1]/meta.json", fetcher)).rejects.toThrow(
      /private, loopback or link-local/,
    );
    await expect(fetchClientDocument("http://93.184.216.34/meta.json", fetcher)).rejects.toThrow(/plain https URL/);
  });

  it("bounds the size and honours the document's caching headers", async () => {
    let calls = 0;
    const big = () =>
      Promise.resolve(new Response("x".repeat(70_000), { headers: { "content-type": "application/json" } }));
    await expect(fetchClientDocument("https://93.184.216.34/big.json", big)).rejects.toThrow(/too large/);
    const id = "https://93.184.216.34/meta.json";
    const good = () => {
      calls += 1;
      return Promise.resolve(Response.json({ ...doc, client_id: id }, { headers: { "cache-control": "max-age=600" } }));
    };
    await fetchClientDocument(id, good);
    await fetchClientDocument(id, good);
    expect(calls).toBe(1);
  });
});
