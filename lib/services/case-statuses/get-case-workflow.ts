import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import type { Prisma } from "@/lib/generated/prisma/client";

export type CaseWorkflow = { reopen_window_days: number | null; auto_close_days: number | null };

/** The workspace's workflow rules; without a saved row, none apply. */
export async function readCaseWorkflow(db: Prisma.TransactionClient, workspaceId: string): Promise<CaseWorkflow> {
  const row = await db.caseWorkflow.findUnique({
    where: { workspaceId },
    select: { reopenWindowDays: true, autoCloseDays: true },
  });
  return { reopen_window_days: row?.reopenWindowDays ?? null, auto_close_days: row?.autoCloseDays ?? null };
}

export function getCaseWorkflow(ctx: ActorContext): Promise<CaseWorkflow> {
  return readCaseWorkflow(prisma, ctx.workspaceId);
}
