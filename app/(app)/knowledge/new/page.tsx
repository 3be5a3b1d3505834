import type { Metadata } from "next";
import Link from "next/link";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { listCategories } from "@/lib/services/knowledge/list-categories";
import { ArticleEditor } from "../editor";

export const metadata: Metadata = { title: "New article" };

export default async function NewArticlePage() {
  const { ctx } = await requireWorkspaceSession("agent", "/knowledge/new");
  const categories = await listCategories(ctx);
  return (
    <div className="mx-auto max-w-3xl space-y-3">
      <Link href="/knowledge" className="text-sm text-slate-500 hover:text-slate-800">
        ← Knowledge base
      </Link>
      <h1 className="text-xl font-semibold">New article</h1>
      <ArticleEditor categories={categories} />
    </div>
  );
}
