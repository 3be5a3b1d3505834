import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { AppError, parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { findCaseStatusOrThrow, requireStatusAdmin } from "@/lib/services/case-statuses/shared";
import { CaseStatusRefSchema, type CaseStatusRefInput } from "@/lib/validations/case-statuses";

/**
 * Deletes a sub-status no ticket carries. One in use is refused (conflict, with the count) rather
 * than silently cleared or reassigned: that would rewrite the state of tickets nobody looked at,
 * with no one named in their history. Filter the list by it and move those tickets first.
 */
export async function deleteCaseStatus(ctx: ActorContext, input: CaseStatusRefInput) {
  const { case_status } = parseInput(CaseStatusRefSchema, input);
  requireStatusAdmin(ctx, "delete case statuses");
  const deleted = await prisma.$transaction(async (tx) => {
    const current = await findCaseStatusOrThrow(tx, ctx, case_status);
    const inUse = await tx.ticket.count({ where: { ...inWorkspace(ctx), caseStatusId: current.id } });
    if (inUse > 0)
      throw new AppError(
        "conflict",
        `"${current.name}" is on ${inUse} ticket${inUse === 1 ? "" : "s"}: move them to another status, then delete it.`,
        { details: { ticket_count: inUse } },
      );
    await tx.caseStatus.delete({ where: { id: current.id } });
    return current;
  });
  await recordAudit(ctx, { action: "case_status.delete", details: { case_status_id: deleted.id, name: deleted.name } });
  return { id: deleted.id, name: deleted.name, deleted: true };
}
