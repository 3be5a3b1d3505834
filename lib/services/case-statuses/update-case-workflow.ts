import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { requireStatusAdmin } from "@/lib/services/case-statuses/shared";
import type { CaseWorkflow } from "@/lib/services/case-statuses/get-case-workflow";
import { UpdateCaseWorkflowSchema, type UpdateCaseWorkflowInput } from "@/lib/validations/case-statuses";

/** Sets the reopen window and auto-close delay; a field left out keeps its value. */
export async function updateCaseWorkflow(ctx: ActorContext, input: UpdateCaseWorkflowInput): Promise<CaseWorkflow> {
  const data = parseInput(UpdateCaseWorkflowSchema, input);
  requireStatusAdmin(ctx, "change workflow rules");
  const changes = { reopenWindowDays: data.reopen_window_days, autoCloseDays: data.auto_close_days };
  const row = await prisma.caseWorkflow.upsert({
    where: { workspaceId: ctx.workspaceId },
    create: { workspaceId: ctx.workspaceId, ...changes },
    update: changes,
    select: { reopenWindowDays: true, autoCloseDays: true },
  });
  const result = { reopen_window_days: row.reopenWindowDays, auto_close_days: row.autoCloseDays };
  await recordAudit(ctx, { action: "case_workflow.update", details: result });
  return result;
}
