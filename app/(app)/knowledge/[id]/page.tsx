import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { roleAtLeast } from "@/lib/auth/roles";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getArticle } from "@/lib/services/knowledge/get-article";
import { listCategories } from "@/lib/services/knowledge/list-categories";
import { ArticleEditor } from "../editor";
import { ArticleStatusActions } from "./status-actions";
import { TimeAgo } from "@/components/ui/time-ago";

export const metadata: Metadata = { title: "Edit article" };

export default async function ArticlePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { id } = await params;
  const { saved } = await searchParams;
  const session = await requireWorkspaceSession("agent", `/knowledge/${id}`);
  let article;
  try {
    article = await getArticle(session.ctx, { article: id });
  } catch (error) {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "validation_error")) notFound();
    throw error;
  }
  const categories = await listCategories(session.ctx);
  return (
    <div className="mx-auto max-w-3xl space-y-3">
      <Link href="/knowledge" className="text-sm text-slate-500 hover:text-slate-800">
        ← Knowledge base
      </Link>
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="min-w-0 break-words text-xl font-semibold">{article.title}</h1>
        <Badge tone={article.status}>
          <span data-testid="article-status">{article.status}</span>
        </Badge>
      </div>
      <p className="text-xs text-slate-500">
        By {article.author?.name ?? "the workspace"} · updated <TimeAgo date={article.updated_at} />
        {article.published_at ? (
          <>
            {" "}
            · published <TimeAgo date={article.published_at} />
          </>
        ) : null}
      </p>
      {saved ? (
        <p role="status" className="text-sm text-emerald-700">
          Saved.
        </p>
      ) : null}
      <ArticleStatusActions
        article={article.id}
        published={article.status === "published"}
        url={article.url}
        canDelete={roleAtLeast(session.role, "admin")}
      />
      <ArticleEditor article={article} categories={categories} />
    </div>
  );
}
