import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { withOAuthEndpoint } from "@/lib/oauth/endpoint";
import { OAuthError } from "@/lib/oauth/errors";

const request = (method: string) => new Request("http://localhost/api/oauth/x", { method });

describe("withOAuthEndpoint", () => {
  afterEach(() => vi.restoreAllMocks());

  it("answers a client endpoint's success with no-store and CORS, keeping headers the handler set", async () => {
    const endpoint = withOAuthEndpoint({
      caller: "client",
      POST: async () => Response.json({ ok: true }, { headers: { "Retry-After": "3" } }),
    });
    const res = await endpoint.POST(request("POST"));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("retry-after")).toBe("3");
  });

  it("maps thrown OAuth and app errors to RFC 6749 bodies, and anything else to a bare server_error", async () => {
    const failing = (error: unknown) =>
      withOAuthEndpoint({
        caller: "client",
        POST: () => Promise.reject(error),
      }).POST(request("POST"));
    const invalidClient = await failing(new OAuthError("invalid_client", "Client authentication failed."));
    expect([invalidClient.status, await invalidClient.json()]).toEqual([
      401,
      { error: "invalid_client", error_description: "Client authentication failed." },
    ]);
    expect(invalidClient.headers.get("www-authenticate")).toBe('Basic realm="deskbridge"');
    const slow = await failing(new OAuthError("slow_down", "Wait.", 429, { "Retry-After": "7" }));
    expect([slow.status, slow.headers.get("retry-after")]).toEqual([429, "7"]);
    const app = await failing(new AppError("validation_error", "name: is required."));
    expect([app.status, await app.json()]).toEqual([
      400,
      { error: "invalid_request", error_description: "name: is required." },
    ]);
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const crash = await failing(new Error("connect ECONNREFUSED 10.0.0.5:5432 password=hunter2"));
    const body = await crash.text();
    expect(crash.status).toBe(500);
    expect(JSON.parse(body)).toEqual({
      error: "server_error",
      error_description: "The authorization server hit an unexpected problem.",
    });
    expect(body).not.toContain("hunter2");
    expect(crash.headers.get("cache-control")).toBe("no-store");
  });

  it("runs onError before answering a failure", async () => {
    const seen: unknown[] = [];
    const endpoint = withOAuthEndpoint({
      caller: "client",
      POST: () => Promise.reject(new OAuthError("invalid_grant", "No.")),
      onError: async (_request, error) => void seen.push(error),
    });
    expect((await endpoint.POST(request("POST"))).status).toBe(400);
    expect(seen).toHaveLength(1);
  });

  it("answers OPTIONS, and refuses other methods with 405 and Allow", async () => {
    const client = withOAuthEndpoint({ caller: "client", POST: async () => new Response(null) });
    const preflight = await client.OPTIONS(request("OPTIONS"));
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toBe("POST, OPTIONS");
    expect(preflight.headers.get("allow")).toBe("POST, OPTIONS");
    for (const method of ["GET", "PUT", "PATCH", "DELETE"] as const) {
      const res = await client[method](request(method));
      expect([method, res.status, res.headers.get("allow")]).toEqual([method, 405, "POST, OPTIONS"]);
      expect(await res.json()).toMatchObject({ error: "invalid_request" });
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
    }

    const browser = withOAuthEndpoint({ caller: "browser", GET: async () => new Response(null, { status: 302 }) });
    expect((await browser.OPTIONS(request("OPTIONS"))).headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    const post = await browser.POST(request("POST"));
    expect([post.status, post.headers.get("allow"), post.headers.get("content-type")]).toEqual([
      405,
      "GET, HEAD, OPTIONS",
      "text/html; charset=utf-8",
    ]);
    expect(post.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("shows a browser endpoint's failure as a page, never its internals", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const endpoint = withOAuthEndpoint({ caller: "browser", GET: () => Promise.reject(new Error("secret detail")) });
    const res = await endpoint.GET(request("GET"));
    const html = await res.text();
    expect(res.status).toBe(500);
    expect(html).toContain("Something went wrong");
    expect(html).not.toContain("secret detail");
    expect(res.headers.get("cache-control")).toBe("no-store");
  });
});
