import "server-only";
import { prisma } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { AppError, parseInput } from "@/lib/errors";
import { recordAccountAudit } from "@/lib/services/account/account-audit";
import { replaceRecoveryCodes } from "@/lib/services/account/replace-recovery-codes";
import type { AccountActor } from "@/lib/services/account/shared";
import { verifyTwoFactorCode } from "@/lib/services/account/verify-two-factor-code";
import { RegenerateRecoveryCodesSchema, type RegenerateRecoveryCodesInput } from "@/lib/validations/account";

const WRONG = "That is neither your password nor a current code from your authenticator app.";

/**
 * Ten new recovery codes in place of the old ones, which stop working at once.
 * The person proves it is them with the password or a fresh authenticator code
 * (six digits: no password is that short); the codes are shown this once.
 */
export async function regenerateRecoveryCodes(
  actor: AccountActor,
  input: RegenerateRecoveryCodesInput,
): Promise<{ recovery_codes: string[] }> {
  const { password_or_code: proof } = parseInput(RegenerateRecoveryCodesSchema, input);
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { passwordHash: true, twoFactorEnabledAt: true },
  });
  if (!user.twoFactorEnabledAt)
    throw new AppError("conflict", "Two-factor sign-in is off: there are no recovery codes.");
  const code = proof.replace(/\s+/g, "");
  const proved = /^\d{6}$/.test(code)
    ? (await verifyTwoFactorCode(actor.userId, code, { ip: actor.ip })) === "totp"
    : await verifyPassword(user.passwordHash, proof);
  if (!proved) throw new AppError("validation_error", WRONG, { fields: { password_or_code: [WRONG] } });
  return prisma.$transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, actor.userId);
    await recordAccountAudit(actor.userId, {
      action: "account.recovery_codes_regenerated",
      ip: actor.ip,
      details: { proved_with: /^\d{6}$/.test(code) ? "totp" : "password" },
      tx,
    });
    return { recovery_codes: codes };
  });
}
