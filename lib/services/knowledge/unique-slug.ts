import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { SLUG_MAX } from "@/lib/validations/knowledge";

type Tx = Prisma.TransactionClient;

/** Refuses a slug another article of the workspace already has. */
export async function assertArticleSlugFree(tx: Tx, workspaceId: string, slug: string, exceptId?: string) {
  const taken = await tx.article.findFirst({
    where: { workspaceId, slug, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (taken) {
    throw new AppError("conflict", `Another article already uses the slug "${slug}".`, {
      fields: { slug: ["is taken by another article"] },
    });
  }
}

/** The base slug, or base-2, base-3… when an article of the workspace has it. */
export async function freeArticleSlug(tx: Tx, workspaceId: string, base: string): Promise<string> {
  const stem = base.slice(0, SLUG_MAX - 4).replace(/-+$/, "") || "article";
  const taken = new Set(
    (
      await tx.article.findMany({
        where: { workspaceId, slug: { startsWith: stem } },
        select: { slug: true },
      })
    ).map((a) => a.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${stem}-${n}`)) return `${stem}-${n}`;
}
