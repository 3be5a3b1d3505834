import "server-only";
import { prisma } from "@/lib/db";
import { decryptSecret } from "@/lib/credentials/encryption";
import { matchTotp } from "@/lib/auth/totp";
import { AppError, parseInput } from "@/lib/errors";
import { recordAccountAudit } from "@/lib/services/account/account-audit";
import { replaceRecoveryCodes } from "@/lib/services/account/replace-recovery-codes";
import type { AccountActor } from "@/lib/services/account/shared";
import { TwoFactorCodeSchema, type TwoFactorCodeInput } from "@/lib/validations/account";

const WRONG = "That code does not match. Check the time on your phone and enter the newest code.";

/**
 * Turns two-factor sign-in on once a code from the new seed checks out, and
 * returns ten recovery codes: shown this once, stored only as digests.
 */
export async function confirmTwoFactorEnrolment(
  actor: AccountActor,
  input: TwoFactorCodeInput,
): Promise<{ recovery_codes: string[] }> {
  const { code } = parseInput(TwoFactorCodeSchema, input);
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { twoFactorPending: true, twoFactorEnabledAt: true },
  });
  if (user.twoFactorEnabledAt) throw new AppError("conflict", "Two-factor sign-in is already on.");
  const secret = user.twoFactorPending ? decryptSecret(user.twoFactorPending) : null;
  if (!secret) throw new AppError("conflict", "Start the set-up again: no authenticator app is being added.");
  const step = /^\d{6}$/.test(code) ? matchTotp(secret, code) : null;
  if (step === null) throw new AppError("validation_error", WRONG, { fields: { code: [WRONG] } });

  return prisma.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: actor.userId },
      data: {
        twoFactorSecret: user.twoFactorPending,
        twoFactorPending: null,
        twoFactorEnabledAt: new Date(),
        twoFactorLastStep: step,
      },
    });
    const codes = await replaceRecoveryCodes(tx, actor.userId);
    // A sign-in that was asked to enrol is now free to go on.
    await tx.webSession.updateMany({
      where: { userId: actor.userId, mustEnrolTwoFactor: true },
      data: { mustEnrolTwoFactor: false },
    });
    await recordAccountAudit(actor.userId, { action: "account.two_factor_enabled", ip: actor.ip, tx });
    return { recovery_codes: codes };
  });
}
