import "server-only";
import type { ActorContext } from "@/lib/context";
import { prisma } from "@/lib/db";
import { parseInput } from "@/lib/errors";
import { findVisibleMacro, toMacroJson } from "@/lib/services/macros/macro-access";
import { MacroRefSchema } from "@/lib/validations/macros";

export type GetMacroOptions = { macro: string };

export async function getMacro(ctx: ActorContext, input: GetMacroOptions) {
  const { macro } = parseInput(MacroRefSchema, input);
  return toMacroJson(await findVisibleMacro(prisma, ctx, macro));
}
