import { expect, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";

/** A code from an authenticator app holding `secret`, `stepsAhead` periods from now (each code works once). */
export function totpCode(secret: string, stepsAhead = 0): string {
  return TOTP.generate({
    secret: Secret.fromBase32(secret),
    algorithm: "SHA1",
    digits: 6,
    period: 30,
    timestamp: Date.now() + stepsAhead * 30_000,
  });
}

/** Profile → Security: password, two-factor sign-in and the sessions list. */
export class SecurityPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/profile/security");
    await expect(this.page.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();
  }

  /** Sets up two-factor sign-in with a code computed from the key shown; returns the key and the recovery codes. */
  async enrolTwoFactor(): Promise<{ secret: string; recoveryCodes: string[] }> {
    await this.page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
    await expect(this.page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
    const secret = (await this.page.getByTestId("totp-secret").textContent())!.trim();
    await this.page.getByLabel("Code from the app").fill(totpCode(secret));
    await this.page.getByRole("button", { name: "Turn on" }).click();
    const codes = this.page.getByTestId("recovery-codes").getByRole("listitem");
    await expect(codes).toHaveCount(10);
    return { secret, recoveryCodes: (await codes.allTextContents()).map((c) => c.trim()) };
  }

  sessions() {
    return this.page.getByTestId("session-row");
  }

  async signOutEverywhere() {
    await this.page.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(this.page).toHaveURL(/\/login$/);
  }
}
