import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { INPUT_CLASS } from "@/components/ui/field";
import { Snippet } from "@/components/ui/snippet";
import { roleAtLeast } from "@/lib/auth/roles";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { listCategories } from "@/lib/services/knowledge/list-categories";
import { searchArticles } from "@/lib/services/knowledge/search-articles";
import { ARTICLE_STATUSES } from "@/lib/validations/knowledge";
import { CategoriesPanel } from "./categories-panel";
import { TimeAgo } from "@/components/ui/time-ago";

export const metadata: Metadata = { title: "Knowledge base" };

type Search = Record<string, string | undefined>;

export default async function KnowledgePage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const session = await requireWorkspaceSession("agent", "/knowledge");
  const { ctx } = session;
  const categories = await listCategories(ctx);
  let page: Awaited<ReturnType<typeof searchArticles>> | null = null;
  let error: string | null = null;
  try {
    page = await searchArticles(ctx, {
      q: params.q,
      category: params.category,
      status: params.status as never,
      cursor: params.cursor,
      limit: 25,
    });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    error = e.message;
  }
  const filters = Object.fromEntries(
    Object.entries({ q: params.q, category: params.category, status: params.status }).filter(([, v]) => v),
  ) as Record<string, string>;
  const nextHref = page?.next_cursor
    ? `/knowledge?${new URLSearchParams({ ...filters, cursor: page.next_cursor })}`
    : null;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">Knowledge base</h1>
        <Link
          href={`/help/${session.workspace.slug}`}
          className="text-sm text-indigo-700 hover:underline"
          target="_blank"
          rel="noopener"
        >
          Public help center ↗
        </Link>
        <Link
          href="/knowledge/new"
          className="ml-auto rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
        >
          New article
        </Link>
      </div>
      {params.deleted ? (
        <p role="status" className="text-sm text-emerald-700">
          Article deleted.
        </p>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-[1fr_300px]">
        <section className="min-w-0 space-y-3">
          <form
            method="get"
            role="search"
            className="grid grid-cols-1 gap-2 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200 sm:grid-cols-4"
          >
            <input
              name="q"
              defaultValue={params.q}
              placeholder='Search: words, "a phrase", OR, -word'
              aria-label="Search articles"
              className={`${INPUT_CLASS} sm:col-span-2`}
            />
            <select name="category" defaultValue={params.category ?? ""} aria-label="Category" className={INPUT_CLASS}>
              <option value="">All categories</option>
              {categories.map((c) => (
                <option key={c.id} value={c.slug}>
                  {c.name}
                </option>
              ))}
            </select>
            <select name="status" defaultValue={params.status ?? ""} aria-label="Status" className={INPUT_CLASS}>
              <option value="">Drafts and published</option>
              {ARTICLE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s === "draft" ? "Drafts" : "Published"}
                </option>
              ))}
            </select>
            <div className="flex gap-2 sm:col-span-4">
              <button
                type="submit"
                className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
              >
                Search
              </button>
              <Link href="/knowledge" className="rounded-md px-3 py-1.5 text-sm text-slate-600 hover:bg-slate-100">
                Clear
              </Link>
            </div>
          </form>
          {error ? (
            <p role="alert" className="rounded-md bg-rose-50 p-3 text-sm text-rose-700">
              {error}
            </p>
          ) : null}
          {page ? (
            <ul
              className="divide-y divide-slate-100 rounded-lg bg-white shadow-sm ring-1 ring-slate-200"
              data-testid="article-list"
            >
              {page.items.map((a) => (
                <li key={a.id} className="p-3" data-testid="article-row" data-status={a.status} data-list-item>
                  <div className="flex flex-wrap items-center gap-2">
                    <Link href={`/knowledge/${a.id}`} className="font-medium text-slate-900 hover:text-indigo-700">
                      {a.title}
                    </Link>
                    <Badge tone={a.status}>{a.status}</Badge>
                  </div>
                  {a.snippet ? <Snippet text={a.snippet} /> : null}
                  <p className="mt-0.5 text-xs text-slate-500">
                    {a.category?.name ?? "No category"} · {a.author?.name ?? "Workspace"} · updated{" "}
                    <TimeAgo date={a.updated_at} />
                  </p>
                </li>
              ))}
              {page.items.length === 0 ? (
                <li className="p-6 text-center text-sm text-slate-500">No articles match.</li>
              ) : null}
              {nextHref ? (
                <li className="px-3 py-2 text-right text-sm">
                  <Link href={nextHref} rel="next" className="text-indigo-700 hover:underline">
                    Next page →
                  </Link>
                </li>
              ) : null}
            </ul>
          ) : null}
        </section>
        <CategoriesPanel categories={categories} canEdit={roleAtLeast(session.role, "admin")} />
      </div>
    </div>
  );
}
