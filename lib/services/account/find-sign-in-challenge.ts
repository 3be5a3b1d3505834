import "server-only";
import { prisma } from "@/lib/db";
import { hashToken, parseToken } from "@/lib/credentials/token-format";

/** Whose sign-in a live challenge continues (for the throttle, before any code is checked); null otherwise. */
export async function findSignInChallenge(challenge: string): Promise<{ userId: string; email: string } | null> {
  if (parseToken(challenge) !== "sign_in_challenge") return null;
  const row = await prisma.signInChallenge.findUnique({
    where: { tokenHash: hashToken(challenge) },
    select: { expiresAt: true, user: { select: { id: true, email: true, deactivatedAt: true } } },
  });
  if (!row || row.expiresAt <= new Date() || row.user.deactivatedAt) return null;
  return { userId: row.user.id, email: row.user.email };
}
