import "server-only";
import { prisma } from "@/lib/db";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { AppError, parseInput } from "@/lib/errors";
import { recordAccountAudit } from "@/lib/services/account/account-audit";
import { revokeWebSessions } from "@/lib/services/account/revoke-web-sessions";
import type { AccountActor } from "@/lib/services/account/shared";
import { ChangePasswordSchema, type ChangePasswordInput } from "@/lib/validations/account";

/**
 * Changes the password after checking the current one, and ends every other
 * web session: whoever knew the old password is signed out.
 */
export async function changePassword(actor: AccountActor, input: ChangePasswordInput): Promise<{ ended: number }> {
  const data = parseInput(ChangePasswordSchema, input);
  const user = await prisma.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, data.current_password))) {
    throw new AppError("validation_error", "The current password is not right.", {
      fields: { current_password: ["The current password is not right."] },
    });
  }
  const passwordHash = await hashPassword(data.new_password);
  return prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { passwordHash } });
    const ended = await revokeWebSessions(actor.userId, { except: actor.sessionId, tx });
    await tx.passwordResetToken.updateMany({
      where: { userId: actor.userId, usedAt: null },
      data: { usedAt: new Date() },
    });
    await recordAccountAudit(actor.userId, {
      action: "account.password_changed",
      ip: actor.ip,
      details: { other_sessions_ended: ended },
      tx,
    });
    return { ended };
  });
}
