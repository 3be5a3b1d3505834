import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ADDRESS_BACKOFF, beginSignInAttempt, throttledMessage } from "@/lib/auth/sign-in-throttle";

const email = () => `someone.${randomBytes(4).toString("hex")}@example.com`;
const ip = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;

async function fail(subject: { email: string; ip: string | null }) {
  const attempt = await beginSignInAttempt(subject);
  if (!attempt.refused) await attempt.failed();
  return attempt;
}

describe("sign-in throttle", () => {
  it("five free tries per account, then a wait, for any spelling of the email", async () => {
    const address = email();
    for (let i = 0; i < 5; i++) expect((await fail({ email: address, ip: null })).refused).toBe(false);
    const refused = await beginSignInAttempt({ email: ` ${address.toUpperCase()} `, ip: null });
    expect(refused).toMatchObject({ refused: true });
    expect(refused.refused && refused.retryAfterS).toBeGreaterThan(0);
  });

  it("a success clears the account's failures", async () => {
    const address = email();
    for (let i = 0; i < 4; i++) await fail({ email: address, ip: null });
    const ok = await beginSignInAttempt({ email: address, ip: null });
    if (ok.refused) throw new Error("refused");
    await ok.succeeded();
    for (let i = 0; i < 5; i++) expect((await fail({ email: address, ip: null })).refused).toBe(false);
  });

  it("failures from one address throttle every account tried from it", async () => {
    const from = ip();
    for (let i = 0; i < ADDRESS_BACKOFF.free; i++)
      expect((await fail({ email: email(), ip: from })).refused).toBe(false);
    expect(await beginSignInAttempt({ email: email(), ip: from })).toMatchObject({ refused: true });
    // Another address (never the same one by chance) is not held back.
    const other = from.replace("198.51.100.", "203.0.113.");
    expect((await beginSignInAttempt({ email: email(), ip: other })).refused).toBe(false);
  });

  it("tries sent at once do not all pass the check", async () => {
    const address = email();
    const attempts = await Promise.all(
      Array.from({ length: 12 }, () => beginSignInAttempt({ email: address, ip: null })),
    );
    const admitted = attempts.filter((a) => !a.refused).length;
    // The free five, and at most one that read the count between another try's two writes.
    expect(admitted).toBeGreaterThanOrEqual(5);
    expect(admitted).toBeLessThanOrEqual(6);
  });

  it("says when to come back, in seconds or minutes", () => {
    expect(throttledMessage(1)).toBe("Too many sign-in attempts. Try again in 1 second.");
    expect(throttledMessage(30)).toBe("Too many sign-in attempts. Try again in 30 seconds.");
    expect(throttledMessage(900)).toBe("Too many sign-in attempts. Try again in 15 minutes.");
  });
});
