import "server-only";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { prisma } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

/** Shared snippets and the actor's own personal ones. */
export function visibleSnippets(ctx: ActorContext): Prisma.SnippetWhereInput {
  return {
    ...inWorkspace(ctx),
    OR: [{ ownerUserId: null }, ...(ctx.userId ? [{ ownerUserId: ctx.userId }] : [])],
  };
}

export const SNIPPET_SELECT = {
  id: true,
  shortcut: true,
  name: true,
  body: true,
  ownerUserId: true,
  owner: { select: { id: true, name: true } },
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.SnippetSelect;

type SnippetRow = Prisma.SnippetGetPayload<{ select: typeof SNIPPET_SELECT }>;

export function toSnippetJson(s: SnippetRow) {
  return {
    id: s.id,
    shortcut: s.shortcut,
    name: s.name,
    body: s.body,
    shared: s.ownerUserId === null,
    owner: s.owner ? { id: s.owner.id, name: s.owner.name } : null,
    created_at: s.createdAt.toISOString(),
    updated_at: s.updatedAt.toISOString(),
  };
}
export type SnippetJson = ReturnType<typeof toSnippetJson>;

/** A visible snippet by id or by shortcut. */
export async function findVisibleSnippet(ctx: ActorContext, ref: string) {
  const snippet = await prisma.snippet.findFirst({
    where: { AND: [visibleSnippets(ctx), { OR: [{ id: ref }, { shortcut: ref.toLowerCase() }] }] },
    select: SNIPPET_SELECT,
  });
  if (!snippet) throw notFound("Snippet");
  return snippet;
}

/** A shortcut already used in the workspace (by anyone: ;shortcut must always mean one text). */
export function shortcutTaken(shortcut: string): AppError {
  return new AppError("conflict", `The shortcut ;${shortcut} is already used in this workspace.`, {
    fields: { shortcut: ["is already used in this workspace"] },
  });
}

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
