"use client";

import { useActionState, useState } from "react";
import { ArticleMarkdown } from "@/components/knowledge/markdown";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE } from "@/lib/action-state";
import { saveArticleAction } from "./actions";

type Article = {
  id: string;
  title: string;
  slug: string;
  body: string;
  category: { id: string } | null;
  status: string;
};

/** Title, category, slug and Markdown body, with a preview rendered exactly as the help center shows it. */
export function ArticleEditor({
  article,
  categories,
}: {
  article?: Article;
  categories: { id: string; name: string }[];
}) {
  const [state, action, pending] = useActionState(saveArticleAction, IDLE);
  const [body, setBody] = useState(article?.body ?? "");
  const [tab, setTab] = useState<"write" | "preview">("write");
  const published = article?.status === "published";
  return (
    <form action={action} className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      {article ? <input type="hidden" name="article" value={article.id} /> : null}
      <Field label="Title" name="title" errors={state.fields?.title}>
        <input id="title" name="title" defaultValue={article?.title} required className={INPUT_CLASS} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Category" name="category" errors={state.fields?.category}>
          <select id="category" name="category" defaultValue={article?.category?.id ?? ""} className={INPUT_CLASS}>
            <option value="">No category</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label="Slug"
          name="slug"
          errors={state.fields?.slug}
          hint={article ? undefined : "Left empty, it is made from the title."}
        >
          <input id="slug" name="slug" defaultValue={article?.slug} className={INPUT_CLASS} />
        </Field>
      </div>
      <div className="space-y-1">
        <div className="flex items-center gap-1 text-sm" role="tablist" aria-label="Body">
          <label htmlFor="body" className="mr-auto font-medium text-slate-700">
            Body (Markdown)
          </label>
          {(["write", "preview"] as const).map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              aria-selected={tab === t}
              onClick={() => setTab(t)}
              className={`rounded px-2 py-0.5 capitalize ${tab === t ? "bg-slate-200 text-slate-900" : "text-slate-500 hover:bg-slate-100"}`}
            >
              {t}
            </button>
          ))}
        </div>
        <textarea
          id="body"
          name="body"
          rows={16}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          hidden={tab !== "write"}
          className="block w-full rounded-md p-2 font-mono text-sm ring-1 ring-slate-300"
        />
        {tab === "preview" ? (
          <div className="min-h-40 rounded-md p-3 ring-1 ring-slate-200" data-testid="article-preview">
            <ArticleMarkdown source={body} />
          </div>
        ) : null}
        {state.fields?.body?.map((m) => (
          <p key={m} role="alert" className="text-xs text-rose-600">
            {m}
          </p>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button
          type="submit"
          name="intent"
          value="save"
          variant={published ? "primary" : "secondary"}
          disabled={pending}
        >
          {published ? "Save changes" : "Save draft"}
        </Button>
        {published ? null : (
          <Button type="submit" name="intent" value="publish" disabled={pending}>
            {article ? "Save and publish" : "Publish"}
          </Button>
        )}
        <FormMessage state={state} inline={["title", "category", "slug", "body"]} />
      </div>
    </form>
  );
}
