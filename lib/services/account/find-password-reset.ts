import "server-only";
import { prisma } from "@/lib/db";
import { hashToken, parseToken } from "@/lib/credentials/token-format";

/** The reset link's row when it still works (unused, unexpired, its user active); null otherwise. */
export async function findPasswordReset(token: string): Promise<{ id: string; userId: string } | null> {
  if (parseToken(token.trim()) !== "password_reset") return null;
  const row = await prisma.passwordResetToken.findUnique({
    where: { tokenHash: hashToken(token.trim()) },
    select: { id: true, userId: true, usedAt: true, expiresAt: true, user: { select: { deactivatedAt: true } } },
  });
  if (!row || row.usedAt || row.expiresAt <= new Date() || row.user.deactivatedAt) return null;
  return { id: row.id, userId: row.userId };
}
