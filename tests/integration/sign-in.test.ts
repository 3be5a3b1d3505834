// Sign-in through the real Auth.js route: where it sends people afterwards.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { CookieJar, signIn } from "../support/oauth-http";
import { baseUrl } from "../support/mcp-client";

const PASSWORD = "correct horse battery";

let ws: TestWorkspace;
beforeAll(async () => {
  ws = await createTestWorkspace("signin");
});

/** Where a Location header sends a browser, which drops tabs and newlines and reads "\" as "/". */
const destination = (location: string, base: string) =>
  new URL(location.replace(/[\t\n\r]/g, "").replaceAll("\\", "/"), base).origin;

const HOSTILE = [
  "/\t/127.0.0.1:8766/pwned",
  "/\\127.0.0.1:8766/pwned",
  "//127.0.0.1:8766/pwned",
  "/.//127.0.0.1:8766/pwned",
  "https://evil.example/pwned",
  "/\r\n/evil.example",
];

describe("return paths after sign-in", () => {
  it.each(HOSTILE)("a signed-in visit to /login?callbackUrl=%j stays in the app", async (callbackUrl) => {
    const jar = await signIn(ws.emails.agent);
    const res = await jar.fetch(`${baseUrl()}/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    const location = res.headers.get("location");
    expect(location).not.toBeNull();
    expect(destination(location!, baseUrl())).toBe(new URL(baseUrl()).origin);
  });

  it("a signed-in visit keeps a path of the app", async () => {
    const jar = await signIn(ws.emails.agent);
    const res = await jar.fetch(`${baseUrl()}/login?callbackUrl=${encodeURIComponent("/tickets/2?tab=activity")}`);
    expect(res.headers.get("location")).toBe("/tickets/2?tab=activity");
  });

  it.each(HOSTILE)("the sign-in form carries no hostile return path (%j)", async (callbackUrl) => {
    const html = await (await fetch(`${baseUrl()}/login?callbackUrl=${encodeURIComponent(callbackUrl)}`)).text();
    expect(html).toMatch(/<input type="hidden" name="callbackUrl" value="\/tickets"\/>/);
  });

  it.each(HOSTILE)("Auth.js's own sign-in route sends %j into the app", async (callbackUrl) => {
    const res = await attempt(baseUrl(), ws.emails.agent, PASSWORD, {}, callbackUrl);
    expect(res.status).toBe(302);
    expect(destination(res.headers.get("location")!, baseUrl())).toBe(new URL(baseUrl()).origin);
  });
});

/** One password sign-in through POST /api/auth/callback/credentials. */
async function attempt(
  base: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
  callbackUrl = `${base}/tickets`,
) {
  const jar = new CookieJar();
  const csrf = (await (await jar.fetch(`${base}/api/auth/csrf`)).json()) as { csrfToken: string };
  const res = await jar.fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams({ email, password, csrfToken: csrf.csrfToken, callbackUrl }),
  });
  const body = res.status === 429 ? ((await res.json()) as { error: string; message: string }) : null;
  return { status: res.status, headers: res.headers, body, signedIn: jar.header().includes("authjs.session-token") };
}
