import "server-only";
import type { ActorContext } from "@/lib/context";
import { prisma } from "@/lib/db";
import { parseInput } from "@/lib/errors";
import { MACRO_SELECT, toMacroJson, visibleMacros } from "@/lib/services/macros/macro-access";
import { ListMacrosSchema, type ListMacrosInput } from "@/lib/validations/macros";

const MAX_MACROS = 200;

/** The macros the actor may apply: shared ones and their own personal ones, most used first. */
export async function listMacros(ctx: ActorContext, input: ListMacrosInput = {}) {
  const { q } = parseInput(ListMacrosSchema, input);
  const rows = await prisma.macro.findMany({
    where: { ...visibleMacros(ctx), ...(q ? { name: { contains: q, mode: "insensitive" } } : {}) },
    orderBy: [{ usageCount: "desc" }, { name: "asc" }, { id: "asc" }],
    take: MAX_MACROS,
    select: MACRO_SELECT,
  });
  return { items: rows.map(toMacroJson) };
}
