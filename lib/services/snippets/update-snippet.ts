import "server-only";
import type { ActorContext } from "@/lib/context";
import { prisma } from "@/lib/db";
import { parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { assertCanManage } from "@/lib/services/macros/macro-access";
import {
  findVisibleSnippet,
  isUniqueViolation,
  shortcutTaken,
  SNIPPET_SELECT,
  toSnippetJson,
} from "@/lib/services/snippets/snippet-access";
import { UpdateSnippetSchema, type UpdateSnippetInput } from "@/lib/validations/snippets";

/** Changes a snippet the actor may manage (by id or shortcut). */
export async function updateSnippet(ctx: ActorContext, input: UpdateSnippetInput) {
  const { snippet: ref, shortcut, name, body, shared } = parseInput(UpdateSnippetSchema, input);
  const current = await findVisibleSnippet(ctx, ref);
  const wasShared = current.ownerUserId === null;
  assertCanManage(ctx, wasShared, "snippets");
  if (shared !== undefined && shared !== wasShared) assertCanManage(ctx, shared, "snippets");
  try {
    const snippet = await prisma.snippet.update({
      where: { id: current.id },
      data: {
        ...(shortcut !== undefined ? { shortcut } : {}),
        ...(name !== undefined ? { name } : {}),
        ...(body !== undefined ? { body } : {}),
        ...(shared !== undefined && shared !== wasShared ? { ownerUserId: shared ? null : ctx.userId } : {}),
      },
      select: SNIPPET_SELECT,
    });
    await recordAudit(ctx, {
      action: "snippet.update",
      details: { snippet_id: snippet.id, shortcut: snippet.shortcut, shared: snippet.ownerUserId === null },
    });
    return toSnippetJson(snippet);
  } catch (error) {
    if (isUniqueViolation(error)) throw shortcutTaken(shortcut ?? current.shortcut);
    throw error;
  }
}
