import "server-only";
import { prisma } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { AppError, parseInput } from "@/lib/errors";
import { recordAccountAudit } from "@/lib/services/account/account-audit";
import { findPasswordReset } from "@/lib/services/account/find-password-reset";
import { revokeWebSessions } from "@/lib/services/account/revoke-web-sessions";
import { ResetPasswordWithTokenSchema, type ResetPasswordWithTokenInput } from "@/lib/validations/account";

const SPENT = "This reset link has expired or was already used. Ask for a new one.";

/**
 * Sets the new password from a forgot-password link, once: the link is spent,
 * every other link of the account too, and every web session ends.
 */
export async function completePasswordReset(
  input: ResetPasswordWithTokenInput,
  from: { ip: string | null },
): Promise<{ userId: string }> {
  const data = parseInput(ResetPasswordWithTokenSchema, input);
  const reset = await findPasswordReset(data.token);
  if (!reset) throw new AppError("validation_error", SPENT, { fields: { token: [SPENT] } });
  const passwordHash = await hashPassword(data.password);
  await prisma.$transaction(async (tx) => {
    const now = new Date();
    // Two tabs submitting the same link: only the first one finds it unused.
    const spent = await tx.passwordResetToken.updateMany({
      where: { id: reset.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (spent.count !== 1) throw new AppError("validation_error", SPENT, { fields: { token: [SPENT] } });
    await tx.passwordResetToken.updateMany({ where: { userId: reset.userId, usedAt: null }, data: { usedAt: now } });
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash } });
    const ended = await revokeWebSessions(reset.userId, { tx });
    await recordAccountAudit(reset.userId, {
      action: "account.password_reset",
      ip: from.ip,
      details: { sessions_ended: ended },
      tx,
    });
  });
  return { userId: reset.userId };
}
