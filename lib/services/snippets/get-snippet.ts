import "server-only";
import type { ActorContext } from "@/lib/context";
import { prisma } from "@/lib/db";
import { parseInput } from "@/lib/errors";
import { loadTicketState, placeholderValues } from "@/lib/services/macros/plan-macro";
import { findVisibleSnippet, toSnippetJson } from "@/lib/services/snippets/snippet-access";
import { renderTemplate } from "@/lib/templates/placeholders";
import { GetSnippetSchema, type GetSnippetInput } from "@/lib/validations/snippets";

/** One snippet by id or shortcut; with a ticket, also its text rendered for that ticket. */
export async function getSnippet(ctx: ActorContext, input: GetSnippetInput) {
  const { snippet: ref, ticket } = parseInput(GetSnippetSchema, input);
  const snippet = toSnippetJson(await findVisibleSnippet(ctx, ref));
  if (ticket === undefined) return { ...snippet, rendered: null };
  const state = await loadTicketState(prisma, ctx, ticket);
  return { ...snippet, rendered: renderTemplate(snippet.body, await placeholderValues(prisma, ctx, state)) };
}
