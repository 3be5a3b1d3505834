import "server-only";
import { prisma } from "@/lib/db";
import { generateToken, hashToken } from "@/lib/credentials/token-format";

/** How long the code step may take after a correct password. */
export const CHALLENGE_TTL_MS = 10 * 60_000;

/** After a correct password, the token that lets the code step name the person without the password again. */
export async function startSignInChallenge(userId: string): Promise<string> {
  const token = generateToken("sign_in_challenge");
  await prisma.$transaction([
    prisma.signInChallenge.deleteMany({ where: { userId, expiresAt: { lt: new Date() } } }),
    prisma.signInChallenge.create({
      data: { userId, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + CHALLENGE_TTL_MS) },
    }),
  ]);
  return token;
}
