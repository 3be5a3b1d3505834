import "server-only";
import type { ActorContext } from "@/lib/context";
import { prisma } from "@/lib/db";
import { parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { assertCanManage, checkActionReferences, MACRO_SELECT, toMacroJson } from "@/lib/services/macros/macro-access";
import { CreateMacroSchema, type CreateMacroInput } from "@/lib/validations/macros";

/** A personal macro (owned by the actor) or, for admins, a shared one. */
export async function createMacro(ctx: ActorContext, input: CreateMacroInput) {
  const { name, description, shared, actions } = parseInput(CreateMacroSchema, input);
  assertCanManage(ctx, shared, "macros");
  await checkActionReferences(prisma, ctx, actions);
  const macro = await prisma.macro.create({
    data: {
      workspaceId: ctx.workspaceId,
      ownerUserId: shared ? null : ctx.userId,
      name,
      description: description ?? null,
      actions,
    },
    select: MACRO_SELECT,
  });
  await recordAudit(ctx, { action: "macro.create", details: { macro_id: macro.id, shared } });
  return toMacroJson(macro);
}
