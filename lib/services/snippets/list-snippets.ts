import "server-only";
import type { ActorContext } from "@/lib/context";
import { prisma } from "@/lib/db";
import { parseInput } from "@/lib/errors";
import { SNIPPET_SELECT, toSnippetJson, visibleSnippets } from "@/lib/services/snippets/snippet-access";
import { ListSnippetsSchema, type ListSnippetsInput } from "@/lib/validations/snippets";

const MAX_SNIPPETS = 500;

/** The snippets the actor may insert (shared and their own), by shortcut; q matches shortcut or name. */
export async function listSnippets(ctx: ActorContext, input: ListSnippetsInput = {}) {
  const { q } = parseInput(ListSnippetsSchema, input);
  const rows = await prisma.snippet.findMany({
    where: {
      AND: [
        visibleSnippets(ctx),
        q
          ? {
              OR: [
                { shortcut: { contains: q.toLowerCase() } },
                { name: { contains: q, mode: "insensitive" as const } },
              ],
            }
          : {},
      ],
    },
    orderBy: [{ shortcut: "asc" }],
    take: MAX_SNIPPETS,
    select: SNIPPET_SELECT,
  });
  return { items: rows.map(toSnippetJson) };
}
