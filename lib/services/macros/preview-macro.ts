import "server-only";
import type { ActorContext } from "@/lib/context";
import { prisma } from "@/lib/db";
import { parseInput } from "@/lib/errors";
import { findVisibleMacro } from "@/lib/services/macros/macro-access";
import { loadTicketState, placeholderValues, planMacro, renderMessage } from "@/lib/services/macros/plan-macro";
import { ApplyMacroSchema, type ApplyMacroInput, type MacroActions } from "@/lib/validations/macros";

/** What applying a macro to a ticket would do: the rendered message and each change. Writes nothing. */
export async function previewMacro(ctx: ActorContext, input: ApplyMacroInput) {
  const { macro: id, ticket: number } = parseInput(ApplyMacroSchema, input);
  const macro = await findVisibleMacro(prisma, ctx, id);
  const ticket = await loadTicketState(prisma, ctx, number);
  const actions = macro.actions as MacroActions;
  const message = renderMessage(actions, await placeholderValues(prisma, ctx, ticket));
  const changes = await planMacro(prisma, ctx, actions, ticket);
  return { macro: { id: macro.id, name: macro.name }, ticket: number, message, changes };
}
