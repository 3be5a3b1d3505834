import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { AppError, parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import {
  CASE_STATUS_SELECT,
  caseStatusJson,
  findCaseStatusOrThrow,
  requireStatusAdmin,
} from "@/lib/services/case-statuses/shared";
import { UpdateCaseStatusSchema, type UpdateCaseStatusInput } from "@/lib/validations/case-statuses";

/**
 * Renames, recolours or reorders a sub-status. Its base status changes only while no ticket carries
 * it: moving it would change those tickets' status without a trace in their history.
 */
export async function updateCaseStatus(ctx: ActorContext, input: UpdateCaseStatusInput) {
  const data = parseInput(UpdateCaseStatusSchema, input);
  requireStatusAdmin(ctx, "change case statuses");
  const updated = await prisma.$transaction(async (tx) => {
    const current = await findCaseStatusOrThrow(tx, ctx, data.case_status);
    if (data.name !== undefined && data.name.toLowerCase() !== current.name.toLowerCase()) {
      const taken = await tx.caseStatus.findFirst({
        where: { ...inWorkspace(ctx), name: { equals: data.name, mode: "insensitive" }, id: { not: current.id } },
        select: { id: true },
      });
      if (taken)
        throw new AppError("conflict", `A case status named "${data.name}" already exists.`, {
          fields: { name: ["is taken"] },
        });
    }
    if (data.base_status !== undefined && data.base_status !== current.baseStatus) {
      const inUse = await tx.ticket.count({ where: { ...inWorkspace(ctx), caseStatusId: current.id } });
      if (inUse > 0)
        throw new AppError(
          "conflict",
          `"${current.name}" is on ${inUse} ticket${inUse === 1 ? "" : "s"}: move them to another status before changing its base status.`,
          { fields: { base_status: ["cannot change while tickets carry this case status"] } },
        );
    }
    return tx.caseStatus.update({
      where: { id: current.id },
      data: { name: data.name, baseStatus: data.base_status, color: data.color, position: data.position },
      select: CASE_STATUS_SELECT,
    });
  });
  await recordAudit(ctx, { action: "case_status.update", details: { case_status_id: updated.id } });
  return caseStatusJson(updated);
}
