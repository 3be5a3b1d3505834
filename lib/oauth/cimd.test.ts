import { describe, expect, it } from "vitest";
import { fetchClientDocument, needsDocumentFetch, parseClientDocument } from "@/lib/oauth/cimd";
import { OAuthError } from "@/lib/oauth/errors";
import { OutboundError, type OutboundFailure, type OutboundFetch } from "@/lib/outbound/fetch";

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

  it("honours the document's application_type: a web client may not redirect to loopback", () => {
    expect(() => parseClientDocument(URL_ID, { ...doc, application_type: "web" })).toThrow(
      /lists http:\/\/127\.0\.0\.1\/callback: a web client/,
    );
    expect(() => parseClientDocument(URL_ID, { ...doc, application_type: "tv" })).toThrow(
      /application_type must be "native" or "web"/,
    );
    expect(parseClientDocument(URL_ID, { ...doc, application_type: "native" }).redirectUris).toEqual(doc.redirect_uris);
  });

  it("passes fetch failures on as invalid_client with a reason a person can act on", async () => {
    const failing = (reason: OutboundFailure, status?: number) => () =>
      Promise.reject(new OutboundError(reason, "detail", status));
    await expect(
      fetchClientDocument("https://[::ffff:7f00:1]:8443/x", failing("private_address")),
    ).rejects.toMatchObject({ code: "invalid_client", description: expect.stringMatching(/not a public address/) });
    await expect(fetchClientDocument("https://client.example/r.json", failing("redirect"))).rejects.toThrow(/redirect/);
    await expect(fetchClientDocument("https://client.example/404.json", failing("bad_status", 404))).rejects.toThrow(
      /HTTP 404/,
    );
    await expect(fetchClientDocument("https://client.example/big.json", failing("too_large"))).rejects.toThrow(
      /too large/,
    );
  });

  it("goes through the outbound fetcher, which refuses private addresses in every spelling", async () => {
    for (const id of [
      "https://127.0.0.1/meta.json",
      "https://[::1]/meta.json",
      "https://[::ffff:127.0.0.1]:8443/x",
      "https://[64:ff9b::a9fe:a9fe]/meta.json",
      "https://198.18.0.1/meta.json",
    ])
      await expect(fetchClientDocument(id)).rejects.toThrow(/not a public address/);
    await expect(fetchClientDocument("http://93.184.216.34/meta.json")).rejects.toThrow(/plain https URL/);
    await expect(fetchClientDocument("https://client.example/meta.json#")).rejects.toThrow(/plain https URL/);
  });

  it("honours the document's caching headers, and says when a fetch is needed", async () => {
    let calls = 0;
    const id = "https://93.184.216.34/meta.json";
    const good: OutboundFetch = () => {
      calls += 1;
      return Promise.resolve({
        status: 200,
        headers: new Headers({ "cache-control": "max-age=600" }),
        body: Buffer.from(JSON.stringify({ ...doc, client_id: id })),
      });
    };
    expect(needsDocumentFetch(id)).toBe(true);
    const first = await fetchClientDocument(id, good);
    expect(needsDocumentFetch(id)).toBe(false);
    expect(await fetchClientDocument(id, good)).toEqual(first);
    expect(calls).toBe(1);
    expect(needsDocumentFetch("dbcl_registered")).toBe(false);
  });
});
