import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Runs `effect` at most once per (kind, key): the receipt and the effect commit together, and a
 * second delivery of the same job (the queue delivers at least once) waits on the first's receipt
 * and then finds it. Returns whether the effect ran.
 */
export async function runOnce(
  kind: string,
  key: string,
  effect: (tx: Prisma.TransactionClient) => Promise<void>,
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const inserted = await tx.$executeRaw`
      INSERT INTO "JobReceipt" ("kind", "key") VALUES (${kind}, ${key}) ON CONFLICT DO NOTHING`;
    if (inserted === 0) return false;
    await effect(tx);
    return true;
  });
}
