import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { ARTICLE_SELECT, articleSummary } from "@/lib/services/knowledge/article-shape";
import { findArticleId } from "@/lib/services/knowledge/find-article";
import { ArticleRefSchema, type ArticleRefInput } from "@/lib/validations/knowledge";

/** One article, draft or published, with its Markdown body. */
export async function getArticle(ctx: ActorContext, input: ArticleRefInput) {
  const { article } = parseInput(ArticleRefSchema, input);
  const id = await findArticleId(ctx, article);
  const row = await prisma.article.findUniqueOrThrow({
    where: { id },
    select: { ...ARTICLE_SELECT, body: true },
  });
  return { ...articleSummary(row), body: row.body };
}
