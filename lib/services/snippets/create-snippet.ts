import "server-only";
import type { ActorContext } from "@/lib/context";
import { prisma } from "@/lib/db";
import { parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { assertCanManage } from "@/lib/services/macros/macro-access";
import {
  isUniqueViolation,
  shortcutTaken,
  SNIPPET_SELECT,
  toSnippetJson,
} from "@/lib/services/snippets/snippet-access";
import { CreateSnippetSchema, type CreateSnippetInput } from "@/lib/validations/snippets";

/** A personal snippet (owned by the actor) or, for admins, a shared one; shortcuts are unique per workspace. */
export async function createSnippet(ctx: ActorContext, input: CreateSnippetInput) {
  const { shortcut, name, body, shared } = parseInput(CreateSnippetSchema, input);
  assertCanManage(ctx, shared, "snippets");
  try {
    const snippet = await prisma.snippet.create({
      data: { workspaceId: ctx.workspaceId, ownerUserId: shared ? null : ctx.userId, shortcut, name, body },
      select: SNIPPET_SELECT,
    });
    await recordAudit(ctx, { action: "snippet.create", details: { snippet_id: snippet.id, shortcut, shared } });
    return toSnippetJson(snippet);
  } catch (error) {
    if (isUniqueViolation(error)) throw shortcutTaken(shortcut);
    throw error;
  }
}
