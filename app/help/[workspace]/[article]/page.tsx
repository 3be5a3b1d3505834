// One published article on the public help center; drafts and unknown slugs are a 404.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleMarkdown } from "@/components/knowledge/markdown";
import { findHelpCenter, getHelpCenterArticle } from "@/lib/services/knowledge/help-center";
import { HelpShell } from "../help-shell";
import { TimeAgo } from "@/components/ui/time-ago";

type Props = { params: Promise<{ workspace: string; article: string }> };

async function load(params: Props["params"]) {
  const { workspace, article } = await params;
  const center = await findHelpCenter(workspace);
  const found = center ? await getHelpCenterArticle(center, article) : null;
  return center && found ? { center, article: found } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await load(params);
  return { title: loaded ? `${loaded.article.title} · ${loaded.center.name}` : "Article not found" };
}

export default async function HelpArticlePage({ params }: Props) {
  const loaded = await load(params);
  if (!loaded) notFound();
  const { center, article } = loaded;
  return (
    <HelpShell center={center}>
      <article className="space-y-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6">
        <nav className="text-sm text-slate-500">
          <Link href={`/help/${center.slug}`} className="hover:underline">
            Help center
          </Link>
          {article.category ? ` › ${article.category.name}` : ""}
        </nav>
        <h1 className="break-words text-2xl font-semibold">{article.title}</h1>
        <ArticleMarkdown source={article.body} />
        <p className="border-t border-slate-100 pt-3 text-xs text-slate-500">
          Updated <TimeAgo date={article.updatedAt} mode="day" />
        </p>
      </article>
    </HelpShell>
  );
}
