import "server-only";
import { prisma } from "@/lib/db";

/**
 * Folds the appended +1/-1 rows of TicketCount and TagCount into one row per key, so reading a
 * count stays a few rows however many writes came before. Safe to run twice or at once: each run
 * folds only the rows it saw.
 */
export async function compactCounts(): Promise<void> {
  await prisma.$executeRaw`SELECT "public".deskbridge_compact_counts()`;
}
