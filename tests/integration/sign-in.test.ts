// Sign-in through the real Auth.js route: where it sends people afterwards, and
// how it throttles failed passwords. Throttling runs on the app behind a trusted
// proxy, so each test fails from an address of its own.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { CookieJar, signIn } from "../support/oauth-http";
import { baseUrl, proxiedBaseUrl } from "../support/mcp-client";

const PASSWORD = "correct horse battery";
const THROTTLED = /^Too many sign-in attempts\. Try again in (\d+) seconds\.$/;

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

describe("failed password sign-ins are throttled", () => {
  /** The client's address as the trusted proxy reports it: one per test, never reused. */
  const from = () => ({
    "X-Forwarded-For": `2001:db8:${randomBytes(2).toString("hex")}::${randomBytes(2).toString("hex")}`,
  });
  const unknownEmail = () => `nobody.${randomBytes(4).toString("hex")}@signin.test`;

  it("after five wrong passwords an account waits, told so with 429 and Retry-After, and the right password does not get in", async () => {
    const client = from();
    for (let i = 0; i < 5; i++) {
      const res = await attempt(proxiedBaseUrl(), ws.emails.agent, "wrong password", client);
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toContain("code=credentials");
    }
    const refused = await attempt(proxiedBaseUrl(), ws.emails.agent, "wrong password", client);
    expect(refused.status).toBe(429);
    expect(refused.body?.message).toMatch(THROTTLED);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(30);
    expect(refused.body?.message).toBe(`Too many sign-in attempts. Try again in ${retryAfter} seconds.`);

    // A throttled try is refused before the password is checked: the right one does not sign in,
    // and more tries are not counted (the wait does not grow past the first 30 s).
    for (let i = 0; i < 5; i++) {
      const again = await attempt(proxiedBaseUrl(), ws.emails.agent, PASSWORD, client);
      expect(again).toMatchObject({ status: 429, signedIn: false });
      expect(Number(again.headers.get("retry-after"))).toBeLessThanOrEqual(30);
    }
  });

  it("an unknown email is answered exactly like an existing one", async () => {
    const answers: { status: number; message: string | undefined; retryAfter: boolean }[] = [];
    for (const email of [ws.emails.admin, unknownEmail()]) {
      const client = from();
      for (let i = 0; i < 5; i++)
        expect((await attempt(proxiedBaseUrl(), email, "wrong password", client)).status).toBe(302);
      const refused = await attempt(proxiedBaseUrl(), email, "wrong password", client);
      answers.push({
        status: refused.status,
        // The seconds left may differ by one between the two; the sentence may not.
        message: refused.body?.message.replace(/\d+/, "N"),
        retryAfter: refused.headers.has("retry-after"),
      });
    }
    expect(answers[0]).toEqual({
      status: 429,
      message: "Too many sign-in attempts. Try again in N seconds.",
      retryAfter: true,
    });
    expect(answers[1]).toEqual(answers[0]);
  });

  it("failures from one address throttle a different account tried from it", async () => {
    const client = from();
    for (let account = 0; account < 4; account++) {
      const email = unknownEmail();
      for (let i = 0; i < 5; i++)
        expect((await attempt(proxiedBaseUrl(), email, "wrong password", client)).status).toBe(302);
    }
    // Twenty failures from this address: the owner's right password is refused from it, not from elsewhere.
    const refused = await attempt(proxiedBaseUrl(), ws.emails.owner, PASSWORD, client);
    expect(refused).toMatchObject({ status: 429, signedIn: false });
    expect(refused.body?.message).toMatch(THROTTLED);
    expect(await attempt(proxiedBaseUrl(), ws.emails.owner, PASSWORD, from())).toMatchObject({
      status: 302,
      signedIn: true,
    });
  });

  it("a successful sign-in clears the account's failures", async () => {
    const client = from();
    for (let i = 0; i < 4; i++) await attempt(proxiedBaseUrl(), ws.emails.owner, "wrong password", client);
    expect((await attempt(proxiedBaseUrl(), ws.emails.owner, PASSWORD, client)).signedIn).toBe(true);
    for (let i = 0; i < 5; i++)
      expect((await attempt(proxiedBaseUrl(), ws.emails.owner, "wrong password", client)).status).toBe(302);
  });
});
