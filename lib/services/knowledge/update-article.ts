import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { ARTICLE_SELECT, articleSummary } from "@/lib/services/knowledge/article-shape";
import { findArticleId } from "@/lib/services/knowledge/find-article";
import { resolveCategoryId } from "@/lib/services/knowledge/resolve-category";
import { assertArticleSlugFree } from "@/lib/services/knowledge/unique-slug";
import { UpdateArticleSchema, type UpdateArticleInput } from "@/lib/validations/knowledge";

/** Edits an article's title, body, category or slug; it stays draft or published as it was. */
export async function updateArticle(ctx: ActorContext, input: UpdateArticleInput) {
  const { article, ...data } = parseInput(UpdateArticleSchema, input);
  const id = await findArticleId(ctx, article);
  const categoryId =
    data.category === undefined
      ? undefined
      : data.category.toLowerCase() === "none"
        ? null
        : await resolveCategoryId(ctx, data.category);
  const row = await prisma.$transaction(async (tx) => {
    if (data.slug) await assertArticleSlugFree(tx, ctx.workspaceId, data.slug, id);
    return tx.article.update({
      where: { id },
      data: { title: data.title, body: data.body, slug: data.slug, categoryId },
      select: { ...ARTICLE_SELECT, body: true },
    });
  });
  const fields = Object.entries(data)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);
  await recordAudit(ctx, { action: "article.update", details: { article_id: row.id, fields } });
  return { ...articleSummary(row), body: row.body };
}
