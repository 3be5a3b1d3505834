import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { AppError, parseInput } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { requireSlaAdmin, SLA_POLICY_SELECT, slaPolicyJson } from "@/lib/services/sla/shared";
import { CreateSlaPolicySchema, type CreateSlaPolicyInput } from "@/lib/validations/sla";

/** Most policies a workspace keeps: every ticket write reads them all to pick one. */
export const MAX_SLA_POLICIES = 50;

/** Checks a policy's name is free and its team is the workspace's, naming the field otherwise. */
export async function checkSlaPolicyFields(
  tx: Prisma.TransactionClient,
  ctx: ActorContext,
  fields: { name?: string; team?: string | null },
  exceptId?: string,
) {
  if (fields.name !== undefined) {
    const taken = await tx.slaPolicy.findFirst({
      where: {
        ...inWorkspace(ctx),
        name: { equals: fields.name, mode: "insensitive" },
        ...(exceptId ? { id: { not: exceptId } } : {}),
      },
      select: { id: true },
    });
    if (taken)
      throw new AppError("conflict", `An SLA policy named "${fields.name}" already exists.`, {
        fields: { name: ["is taken"] },
      });
  }
  if (fields.team) {
    const team = await tx.team.findFirst({ where: { ...inWorkspace(ctx), id: fields.team }, select: { id: true } });
    if (!team) throw new AppError("not_found", "Team not found.", { fields: { team: ["no such team"] } });
  }
}

/**
 * Adds an SLA policy. It applies to tickets from their next change on (creation, a reply, a status,
 * priority, team or tag change); tickets nobody touches keep the due times they have.
 */
export async function createSlaPolicy(ctx: ActorContext, input: CreateSlaPolicyInput) {
  const data = parseInput(CreateSlaPolicySchema, input);
  requireSlaAdmin(ctx, "create SLA policies");
  const created = await prisma.$transaction(async (tx) => {
    await checkSlaPolicyFields(tx, ctx, { name: data.name, team: data.team });
    const existing = await tx.slaPolicy.aggregate({
      where: inWorkspace(ctx),
      _count: { _all: true },
      _max: { position: true },
    });
    if (existing._count._all >= MAX_SLA_POLICIES)
      throw new AppError("limit_reached", `A workspace keeps at most ${MAX_SLA_POLICIES} SLA policies.`);
    return tx.slaPolicy.create({
      data: {
        ...inWorkspace(ctx),
        name: data.name,
        teamId: data.team ?? null,
        tag: data.tag ?? null,
        targets: data.targets,
        businessHours: data.business_hours,
        position: data.position ?? (existing._max.position ?? -1) + 1,
      },
      select: SLA_POLICY_SELECT,
    });
  });
  await recordAudit(ctx, { action: "sla_policy.create", details: { sla_policy_id: created.id, name: created.name } });
  return slaPolicyJson(created);
}
