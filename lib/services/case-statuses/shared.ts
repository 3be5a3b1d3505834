import "server-only";
import { roleAtLeast } from "@/lib/auth/roles";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

export const CASE_STATUS_SELECT = {
  id: true,
  name: true,
  baseStatus: true,
  color: true,
  position: true,
} satisfies Prisma.CaseStatusSelect;

export type CaseStatusRow = Prisma.CaseStatusGetPayload<{ select: typeof CASE_STATUS_SELECT }>;

/** The sub-status as tools and pages show it. */
export function caseStatusJson(s: CaseStatusRow) {
  return { id: s.id, name: s.name, base_status: s.baseStatus, color: s.color, position: s.position };
}

/** Statuses and workflow rules shape every agent's work: admins and owners change them. */
export function requireStatusAdmin(ctx: ActorContext, what: string) {
  if (!roleAtLeast(ctx.role, "admin")) throw new AppError("admin_required", `Only admins and owners ${what}.`);
}

/** Loads a sub-status of the actor's workspace, or throws not_found naming the field. */
export async function findCaseStatusOrThrow(db: Prisma.TransactionClient, ctx: ActorContext, id: string) {
  const row = await db.caseStatus.findFirst({ where: { ...inWorkspace(ctx), id }, select: CASE_STATUS_SELECT });
  if (!row) {
    const error = notFound(`Case status ${id}`);
    throw new AppError("not_found", error.message, { fields: { case_status: ["no such case status"] } });
  }
  return row;
}
