import "server-only";
import type { ActorContext } from "@/lib/context";
import { prisma } from "@/lib/db";
import { parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { assertCanManage } from "@/lib/services/macros/macro-access";
import { findVisibleSnippet } from "@/lib/services/snippets/snippet-access";
import { SnippetRefSchema } from "@/lib/validations/snippets";

export type DeleteSnippetOptions = { snippet: string };

export async function deleteSnippet(ctx: ActorContext, input: DeleteSnippetOptions) {
  const { snippet: ref } = parseInput(SnippetRefSchema, input);
  const snippet = await findVisibleSnippet(ctx, ref);
  assertCanManage(ctx, snippet.ownerUserId === null, "snippets");
  await prisma.snippet.delete({ where: { id: snippet.id } });
  await recordAudit(ctx, {
    action: "snippet.delete",
    details: { snippet_id: snippet.id, shortcut: snippet.shortcut },
  });
  return { id: snippet.id, shortcut: snippet.shortcut, deleted: true };
}
