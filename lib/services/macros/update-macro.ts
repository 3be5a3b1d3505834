import "server-only";
import type { ActorContext } from "@/lib/context";
import { prisma } from "@/lib/db";
import { parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import {
  assertCanManage,
  checkActionReferences,
  findVisibleMacro,
  MACRO_SELECT,
  toMacroJson,
} from "@/lib/services/macros/macro-access";
import { UpdateMacroSchema, type UpdateMacroInput } from "@/lib/validations/macros";

/** Changes a macro the actor may manage; moving it between personal and shared checks both sides. */
export async function updateMacro(ctx: ActorContext, input: UpdateMacroInput) {
  const { macro: id, name, description, shared, actions } = parseInput(UpdateMacroSchema, input);
  const current = await findVisibleMacro(prisma, ctx, id);
  const wasShared = current.ownerUserId === null;
  assertCanManage(ctx, wasShared, "macros");
  if (shared !== undefined && shared !== wasShared) assertCanManage(ctx, shared, "macros");
  if (actions) await checkActionReferences(prisma, ctx, actions);
  const macro = await prisma.macro.update({
    where: { id: current.id },
    data: {
      ...(name !== undefined ? { name } : {}),
      ...(description !== undefined ? { description } : {}),
      ...(actions ? { actions } : {}),
      ...(shared !== undefined && shared !== wasShared ? { ownerUserId: shared ? null : ctx.userId } : {}),
    },
    select: MACRO_SELECT,
  });
  await recordAudit(ctx, {
    action: "macro.update",
    details: { macro_id: macro.id, shared: macro.ownerUserId === null },
  });
  return toMacroJson(macro);
}
