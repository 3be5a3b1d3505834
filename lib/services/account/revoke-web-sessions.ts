import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Ends a user's web sessions (all of them, all but `except`, or just `only`); returns how many ended. */
export async function revokeWebSessions(
  userId: string,
  options: { except?: string | null; only?: string; tx?: Prisma.TransactionClient } = {},
): Promise<number> {
  const db = options.tx ?? prisma;
  const { count } = await db.webSession.updateMany({
    where: {
      userId,
      revokedAt: null,
      ...(options.except ? { id: { not: options.except } } : {}),
      ...(options.only ? { id: options.only } : {}),
    },
    data: { revokedAt: new Date() },
  });
  return count;
}
