import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Runs a ticket service's writes in the caller's transaction when it passes one (a macro applies
 * several services as one change), else in a transaction of its own.
 */
export function inTransaction<T>(
  db: Prisma.TransactionClient | undefined,
  run: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  return db ? run(db) : prisma.$transaction(run);
}
