import "server-only";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { prisma } from "@/lib/db";
import { parseInput } from "@/lib/errors";
import { findAutomationOrThrow, RUN_SELECT, runJson } from "@/lib/services/automations/shared";
import { ListAutomationRunsSchema, type ListAutomationRunsInput } from "@/lib/validations/automations";

/** The run log, newest first: every rule's or one rule's evaluations and what each action did. */
export async function listAutomationRuns(ctx: ActorContext, input: ListAutomationRunsInput = {}) {
  const { automation, matched, limit } = parseInput(ListAutomationRunsSchema, input);
  if (automation) await findAutomationOrThrow(prisma, ctx, automation);
  const rows = await prisma.automationRun.findMany({
    where: {
      ...inWorkspace(ctx),
      ...(automation ? { ruleId: automation } : {}),
      ...(matched !== undefined ? { matched } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: RUN_SELECT,
  });
  return { items: rows.map(runJson) };
}
