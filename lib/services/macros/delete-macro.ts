import "server-only";
import type { ActorContext } from "@/lib/context";
import { prisma } from "@/lib/db";
import { parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { assertCanManage, findVisibleMacro } from "@/lib/services/macros/macro-access";
import { MacroRefSchema } from "@/lib/validations/macros";

export type DeleteMacroOptions = { macro: string };

/** Deletes a macro the actor may manage; tickets it changed keep their history. */
export async function deleteMacro(ctx: ActorContext, input: DeleteMacroOptions) {
  const { macro: id } = parseInput(MacroRefSchema, input);
  const macro = await findVisibleMacro(prisma, ctx, id);
  assertCanManage(ctx, macro.ownerUserId === null, "macros");
  await prisma.macro.delete({ where: { id: macro.id } });
  await recordAudit(ctx, { action: "macro.delete", details: { macro_id: macro.id, name: macro.name } });
  return { id: macro.id, name: macro.name, deleted: true };
}
