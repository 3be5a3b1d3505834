import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { hashRecoveryCode, matchTotp, newRecoveryCodes, newTotpSecret, totpUri } from "@/lib/auth/totp";

const code = (secret: string, timestamp: number) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30, timestamp });

describe("TOTP", () => {
  const secret = newTotpSecret();
  const now = 1_800_000_000_000;

  it("accepts this step's code and one step of drift either way, and says which step", () => {
    const step = Math.floor(now / 30_000);
    expect(matchTotp(secret, code(secret, now), now)).toBe(step);
    expect(matchTotp(secret, code(secret, now - 30_000), now)).toBe(step - 1);
    expect(matchTotp(secret, code(secret, now + 30_000), now)).toBe(step + 1);
    expect(matchTotp(secret, code(secret, now + 90_000), now)).toBeNull();
    expect(matchTotp(newTotpSecret(), code(secret, now), now)).toBeNull();
  });

  it("names the account and the issuer in the app's URI", () => {
    expect(totpUri(secret, "ava@acme.test")).toBe(
      `otpauth://totp/Deskbridge:ava%40acme.test?issuer=Deskbridge&secret=${secret}&algorithm=SHA1&digits=6&period=30`,
    );
  });
});

describe("recovery codes", () => {
  it("are ten different codes, matched whatever the case and dashes", () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(hashRecoveryCode(codes[0]!.toUpperCase().replace("-", " "))).toBe(hashRecoveryCode(codes[0]!));
  });
});
