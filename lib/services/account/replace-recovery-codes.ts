import "server-only";
import { hashRecoveryCode, newRecoveryCodes } from "@/lib/auth/totp";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Swaps a person's recovery codes for ten new ones inside the caller's transaction; the old ones stop working. */
export async function replaceRecoveryCodes(tx: Prisma.TransactionClient, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })) });
  return codes;
}
