import "server-only";
import { prisma } from "@/lib/db";

/** True when a workspace the person owns or administers requires two-factor sign-in of them. */
export async function twoFactorRequired(userId: string): Promise<boolean> {
  const count = await prisma.membership.count({
    where: { userId, deactivatedAt: null, role: { in: ["owner", "admin"] }, workspace: { requireTwoFactor: true } },
  });
  return count > 0;
}
