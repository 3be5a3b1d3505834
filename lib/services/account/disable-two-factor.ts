import "server-only";
import { prisma } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { AppError, parseInput } from "@/lib/errors";
import { recordAccountAudit } from "@/lib/services/account/account-audit";
import type { AccountActor } from "@/lib/services/account/shared";
import { twoFactorRequired } from "@/lib/services/account/two-factor-required";
import { DisableTwoFactorSchema, type DisableTwoFactorInput } from "@/lib/validations/account";

/** Turns two-factor sign-in off (password asked again), unless a workspace requires it of the person. */
export async function disableTwoFactor(actor: AccountActor, input: DisableTwoFactorInput): Promise<void> {
  const data = parseInput(DisableTwoFactorSchema, input);
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { passwordHash: true, twoFactorEnabledAt: true },
  });
  if (!user.twoFactorEnabledAt) throw new AppError("conflict", "Two-factor sign-in is already off.");
  if (!(await verifyPassword(user.passwordHash, data.current_password))) {
    throw new AppError("validation_error", "The current password is not right.", {
      fields: { current_password: ["The current password is not right."] },
    });
  }
  if (await twoFactorRequired(actor.userId)) {
    throw new AppError("forbidden", "A workspace you administer requires two-factor sign-in, so it stays on.");
  }
  await prisma.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: actor.userId },
      data: { twoFactorSecret: null, twoFactorPending: null, twoFactorEnabledAt: null, twoFactorLastStep: null },
    });
    await tx.recoveryCode.deleteMany({ where: { userId: actor.userId } });
    await recordAccountAudit(actor.userId, { action: "account.two_factor_disabled", ip: actor.ip, tx });
  });
}
