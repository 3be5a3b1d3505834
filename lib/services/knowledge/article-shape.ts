import "server-only";
import { getEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The public help-center address of an article (it answers only while the article is published). */
export function articleUrl(workspaceSlug: string, articleSlug: string): string {
  return `${getEnv().APP_URL}/help/${workspaceSlug}/${articleSlug}`;
}

export const ARTICLE_SELECT = {
  id: true,
  title: true,
  slug: true,
  status: true,
  createdAt: true,
  updatedAt: true,
  publishedAt: true,
  category: { select: { id: true, name: true, slug: true } },
  author: { select: { id: true, name: true } },
  workspace: { select: { slug: true } },
} satisfies Prisma.ArticleSelect;

type ArticleRow = Prisma.ArticleGetPayload<{ select: typeof ARTICLE_SELECT }>;

/** An article as services answer it (snake_case, ISO dates, the public URL once published). */
export function articleSummary(row: ArticleRow) {
  return {
    id: row.id,
    title: row.title,
    slug: row.slug,
    status: row.status,
    category: row.category,
    author: row.author,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    published_at: row.publishedAt?.toISOString() ?? null,
    url: row.status === "published" ? articleUrl(row.workspace.slug, row.slug) : null,
  };
}

export type ArticleSummary = ReturnType<typeof articleSummary>;
