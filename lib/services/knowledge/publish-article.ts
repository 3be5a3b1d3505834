import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { ARTICLE_SELECT, articleSummary } from "@/lib/services/knowledge/article-shape";
import { findArticleId } from "@/lib/services/knowledge/find-article";
import { PublishArticleSchema, type PublishArticleInput } from "@/lib/validations/knowledge";

/**
 * Publishes an article to the public help center, or with `published: false` takes it back
 * to draft. Doing what is already so changes nothing and says `changed: false`.
 */
export async function publishArticle(ctx: ActorContext, input: PublishArticleInput) {
  const { article, published } = parseInput(PublishArticleSchema, input);
  const id = await findArticleId(ctx, article);
  const status = published ? "published" : "draft";
  const { count } = await prisma.article.updateMany({
    where: { id, status: { not: status } },
    data: { status, publishedAt: published ? new Date() : null },
  });
  const row = await prisma.article.findUniqueOrThrow({ where: { id }, select: ARTICLE_SELECT });
  if (count) {
    await recordAudit(ctx, {
      action: published ? "article.publish" : "article.unpublish",
      details: { article_id: id },
    });
  }
  return { ...articleSummary(row), changed: count > 0 };
}
