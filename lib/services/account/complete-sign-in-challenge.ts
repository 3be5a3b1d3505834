import "server-only";
import { prisma } from "@/lib/db";
import { hashToken, parseToken } from "@/lib/credentials/token-format";
import { verifyTwoFactorCode } from "@/lib/services/account/verify-two-factor-code";

/** Wrong codes one password step allows; then the password is asked again (and its throttle applies). */
export const CHALLENGE_ATTEMPTS = 5;

export type ChallengeOutcome =
  | { status: "ok"; userId: string }
  | { status: "wrong_code" }
  /** Expired, used up or unknown: start again from the password. */
  | { status: "expired" };

/** The code step of sign-in: the challenge must be live and the code right; a right code spends the challenge. */
export async function completeSignInChallenge(
  input: { challenge: string; code: string },
  from: { ip: string | null },
): Promise<ChallengeOutcome> {
  if (parseToken(input.challenge) !== "sign_in_challenge") return { status: "expired" };
  const tokenHash = hashToken(input.challenge);
  // Count the try before checking it, so parallel guesses cannot share one attempt.
  const counted = await prisma.signInChallenge.updateMany({
    where: { tokenHash, expiresAt: { gt: new Date() }, attempts: { lt: CHALLENGE_ATTEMPTS } },
    data: { attempts: { increment: 1 } },
  });
  if (counted.count !== 1) {
    await prisma.signInChallenge.deleteMany({ where: { tokenHash } });
    return { status: "expired" };
  }
  const challenge = await prisma.signInChallenge.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true } });
  const factor = await verifyTwoFactorCode(challenge.userId, input.code, from);
  if (!factor) return { status: "wrong_code" };
  const spent = await prisma.signInChallenge.deleteMany({ where: { tokenHash } });
  return spent.count === 1 ? { status: "ok", userId: challenge.userId } : { status: "expired" };
}
