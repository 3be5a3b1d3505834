import { describe, expect, it } from "vitest";
import { redirectUriMatches, redirectUriProblem } from "@/lib/oauth/redirect-uri";

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
});
