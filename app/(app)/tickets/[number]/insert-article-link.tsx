"use client";

import { useState } from "react";
import { INPUT_CLASS } from "@/components/ui/field";

export type LinkableArticle = { id: string; title: string; url: string; category: string | null };

/**
 * "Insert article link": pick a published article and its public help-center URL goes into the
 * reply at the caret (or at the end), on a line of its own with the title before it.
 */
export function InsertArticleLink({
  articles,
  onInsert,
}: {
  articles: LinkableArticle[];
  /** Puts the line "<title>: <url>" into the reply at the caret. */
  onInsert: (line: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState("");
  const shown = articles.filter((a) => a.title.toLowerCase().includes(filter.trim().toLowerCase())).slice(0, 20);

  function insert(article: LinkableArticle) {
    onInsert(`${article.title}: ${article.url}`);
    setOpen(false);
    setFilter("");
  }

  return (
    <div className="relative">
      <button
        type="button"
        onClick={() => setOpen((v) => !v)}
        aria-expanded={open}
        className="rounded-md px-2 py-1.5 text-sm text-slate-600 hover:bg-slate-100"
      >
        Insert article link
      </button>
      {open ? (
        <div
          className="absolute bottom-full left-0 z-10 mb-1 w-72 max-w-[calc(100vw-3rem)] space-y-2 rounded-lg bg-white p-2 shadow-lg ring-1 ring-slate-200"
          role="dialog"
          aria-label="Insert article link"
        >
          <input
            autoFocus
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Escape") setOpen(false);
              if (e.key === "Enter") {
                e.preventDefault();
                if (shown[0]) insert(shown[0]);
              }
            }}
            placeholder="Find a published article"
            aria-label="Find a published article"
            className={INPUT_CLASS}
          />
          <ul className="max-h-60 overflow-y-auto text-sm">
            {shown.map((a) => (
              <li key={a.id}>
                <button
                  type="button"
                  onClick={() => insert(a)}
                  className="block w-full rounded px-2 py-1 text-left hover:bg-slate-100"
                >
                  <span className="block font-medium text-slate-800">{a.title}</span>
                  {a.category ? <span className="block text-xs text-slate-500">{a.category}</span> : null}
                </button>
              </li>
            ))}
            {shown.length === 0 ? (
              <li className="px-2 py-1 text-slate-500">
                {articles.length ? "No published article matches." : "No articles are published yet."}
              </li>
            ) : null}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
