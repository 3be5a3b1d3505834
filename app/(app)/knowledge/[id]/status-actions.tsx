"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE } from "@/lib/action-state";
import { deleteArticleAction, setPublishedAction } from "../actions";

/** Publish or unpublish, the public link once published, and (for admins) delete. */
export function ArticleStatusActions({
  article,
  published,
  url,
  canDelete,
}: {
  article: string;
  published: boolean;
  url: string | null;
  canDelete: boolean;
}) {
  const [state, action, pending] = useActionState(setPublishedAction, IDLE);
  const [deleted, remove, removing] = useActionState(deleteArticleAction, IDLE);
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <form action={action}>
        <input type="hidden" name="article" value={article} />
        <input type="hidden" name="published" value={published ? "false" : "true"} />
        <Button type="submit" variant={published ? "secondary" : "primary"} disabled={pending}>
          {published ? "Unpublish" : "Publish"}
        </Button>
      </form>
      {url ? (
        <a
          href={url}
          target="_blank"
          rel="noopener"
          className="min-w-0 break-all text-indigo-700 hover:underline"
          data-testid="public-url"
        >
          {url}
        </a>
      ) : (
        <span className="text-slate-500">Drafts are not on the help center.</span>
      )}
      {canDelete ? (
        <form
          action={remove}
          className="ml-auto"
          onSubmit={(e) => {
            if (!window.confirm("Delete this article for good?")) e.preventDefault();
          }}
        >
          <input type="hidden" name="article" value={article} />
          <Button type="submit" variant="danger" disabled={removing}>
            Delete
          </Button>
        </form>
      ) : null}
      <FormMessage state={state} />
      <FormMessage state={deleted} />
    </div>
  );
}
