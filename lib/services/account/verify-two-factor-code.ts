import "server-only";
import { prisma } from "@/lib/db";
import { decryptSecret } from "@/lib/credentials/encryption";
import { hashRecoveryCode, matchTotp } from "@/lib/auth/totp";
import { recordAccountAudit } from "@/lib/services/account/account-audit";

/**
 * Checks a second factor: a TOTP code newer than the last one accepted (a code
 * works once), or an unused recovery code, which is spent. Says which matched.
 */
export async function verifyTwoFactorCode(
  userId: string,
  code: string,
  from: { ip: string | null },
): Promise<"totp" | "recovery" | null> {
  const normalized = code.replace(/\s+/g, "").toLowerCase();
  if (/^\d{6}$/.test(normalized)) {
    const user = await prisma.user.findUnique({ where: { id: userId }, select: { twoFactorSecret: true } });
    const secret = user?.twoFactorSecret ? decryptSecret(user.twoFactorSecret) : null;
    const step = secret ? matchTotp(secret, normalized) : null;
    if (step === null) return null;
    // Accepted only when no code of this step or a later one was: two requests with one code, one wins.
    const { count } = await prisma.user.updateMany({
      where: { id: userId, OR: [{ twoFactorLastStep: null }, { twoFactorLastStep: { lt: step } }] },
      data: { twoFactorLastStep: step },
    });
    return count === 1 ? "totp" : null;
  }
  const { count } = await prisma.recoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(normalized), usedAt: null },
    data: { usedAt: new Date() },
  });
  if (count !== 1) return null;
  const left = await prisma.recoveryCode.count({ where: { userId, usedAt: null } });
  await recordAccountAudit(userId, { action: "account.recovery_code_used", ip: from.ip, details: { left } });
  return "recovery";
}
