import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { CASE_STATUS_SELECT, caseStatusJson } from "@/lib/services/case-statuses/shared";

/** The workspace's sub-statuses in their order, each with how many tickets carry it. */
export async function listCaseStatuses(ctx: ActorContext) {
  const [rows, counts] = await Promise.all([
    prisma.caseStatus.findMany({
      where: inWorkspace(ctx),
      orderBy: [{ position: "asc" }, { name: "asc" }],
      select: CASE_STATUS_SELECT,
    }),
    prisma.ticket.groupBy({
      by: ["caseStatusId"],
      where: { ...inWorkspace(ctx), caseStatusId: { not: null } },
      _count: { _all: true },
    }),
  ]);
  const byId = new Map(counts.map((c) => [c.caseStatusId, c._count._all]));
  return rows.map((row) => ({ ...caseStatusJson(row), ticket_count: byId.get(row.id) ?? 0 }));
}

export type CaseStatusListItem = Awaited<ReturnType<typeof listCaseStatuses>>[number];
