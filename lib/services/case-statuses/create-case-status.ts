import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { AppError, parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { CASE_STATUS_SELECT, caseStatusJson, requireStatusAdmin } from "@/lib/services/case-statuses/shared";
import { CreateCaseStatusSchema, type CreateCaseStatusInput } from "@/lib/validations/case-statuses";

/** Most sub-statuses a workspace keeps: a picker longer than this stops helping. */
export const MAX_CASE_STATUSES = 50;

export async function createCaseStatus(ctx: ActorContext, input: CreateCaseStatusInput) {
  const data = parseInput(CreateCaseStatusSchema, input);
  requireStatusAdmin(ctx, "create case statuses");
  const created = await prisma.$transaction(async (tx) => {
    const taken = await tx.caseStatus.findFirst({
      where: { ...inWorkspace(ctx), name: { equals: data.name, mode: "insensitive" } },
      select: { id: true },
    });
    if (taken)
      throw new AppError("conflict", `A case status named "${data.name}" already exists.`, {
        fields: { name: ["is taken"] },
      });
    const existing = await tx.caseStatus.aggregate({
      where: inWorkspace(ctx),
      _count: { _all: true },
      _max: { position: true },
    });
    if (existing._count._all >= MAX_CASE_STATUSES)
      throw new AppError("limit_reached", `A workspace keeps at most ${MAX_CASE_STATUSES} case statuses.`);
    return tx.caseStatus.create({
      data: {
        ...inWorkspace(ctx),
        name: data.name,
        baseStatus: data.base_status,
        color: data.color,
        position: data.position ?? (existing._max.position ?? -1) + 1,
      },
      select: CASE_STATUS_SELECT,
    });
  });
  await recordAudit(ctx, {
    action: "case_status.create",
    details: { case_status_id: created.id, base_status: created.baseStatus },
  });
  return caseStatusJson(created);
}
