import { describe, expect, it } from "vitest";
import { checkApplicationType, redirectUriMatches, redirectUriProblem } from "@/lib/oauth/redirect-uri";

describe("redirect URIs", () => {
  it.each([
    ["http://evil.example@127.0.0.1:8765/cb", /userinfo/],
    ["http://@127.0.0.1:8765/cb", /userinfo/],
    ["http://:@127.0.0.1/cb", /userinfo/],
    ["https://user:pw@client.example/cb", /userinfo/],
    ["cursor://evil@anysphere.cursor-mcp/oauth/callback", /userinfo/],
    ["http://127.0.0.1:8765/cb#frag", /fragment/],
    ["http://127.0.0.1:8765/cb#", /fragment/],
    ["https://client.example/cb#", /fragment/],
    ["http://127.0.0.1:8765/c\tb", /control characters/],
    [" http://127.0.0.1/cb", /spaces/],
    ["http://127.0.0.1\\@evil.example/cb", /backslashes/],
  ])("refuses %s", (uri, problem) => expect(redirectUriProblem(uri)).toMatch(problem));

  it.each([
    "https://client.example/callback",
    "http://127.0.0.1:8765/cb",
    "http://[::1]/cb",
    "cursor://anysphere.cursor-mcp/oauth/callback",
    "https://client.example/cb?tenant=a@b",
  ])("accepts %s", (uri) => expect(redirectUriProblem(uri)).toBeNull());

  it("a loopback redirect on another port matches, but never with userinfo or a fragment", () => {
    const registered = ["http://127.0.0.1/cb"];
    expect(redirectUriMatches(registered, "http://127.0.0.1:8765/cb")).toBe(true);
    expect(redirectUriMatches(registered, "http://evil.example@127.0.0.1:8765/cb")).toBe(false);
    expect(redirectUriMatches(registered, "http://127.0.0.1:8765/cb#x")).toBe(false);
    expect(redirectUriMatches(registered, "http://127.0.0.1:8765/cb#")).toBe(false);
    // A legacy row holding such a URI no longer matches even exactly.
    expect(redirectUriMatches(["http://a@127.0.0.1/cb"], "http://a@127.0.0.1/cb")).toBe(false);
  });

  it("a loopback redirect matches on any port whether or not one was registered, and never across hosts", () => {
    expect(redirectUriMatches(["http://127.0.0.1:3334/cb"], "http://127.0.0.1:51000/cb")).toBe(true);
    expect(redirectUriMatches(["http://localhost/cb"], "http://localhost:51000/cb")).toBe(true);
    expect(redirectUriMatches(["http://localhost/cb"], "http://127.0.0.1:51000/cb")).toBe(false);
    expect(redirectUriMatches(["https://app.example/cb"], "https://app.example:8443/cb")).toBe(false);
  });
});

describe("application_type", () => {
  const typeOf = (declared: unknown, uris: string[]) => {
    const check = checkApplicationType(declared, uris);
    return check.ok ? check.type : check.message;
  };

  it("is read from the redirects when left out: loopback or a private-use scheme is native", () => {
    expect(typeOf(undefined, ["https://app.example/cb", "http://127.0.0.1/cb"])).toBe("native");
    expect(typeOf(undefined, ["cursor://anysphere.cursor-mcp/oauth/callback"])).toBe("native");
    expect(typeOf(undefined, ["https://app.example/cb"])).toBe("web");
    expect(typeOf("web", ["https://app.example/cb"])).toBe("web");
  });

  it("refuses an unknown value by name", () => {
    expect(checkApplicationType("desktop", [])).toEqual({
      ok: false,
      field: "application_type",
      message: 'application_type must be "native" or "web", not "desktop"',
    });
  });

  it("keeps a web client to https addresses that are not loopback; a native client may use all three kinds", () => {
    expect(checkApplicationType("web", ["http://127.0.0.1/cb"])).toMatchObject({ ok: false, field: "redirect_uris" });
    expect(typeOf("web", ["cursor://anysphere.cursor-mcp/cb"])).toMatch(/private-use scheme/);
    const all = ["http://127.0.0.1/cb", "cursor://anysphere.cursor-mcp/cb", "https://app.example/cb"];
    expect(typeOf("native", all)).toBe("native");
  });
});
