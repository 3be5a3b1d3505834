"use client";

import { useActionState, useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE } from "@/lib/action-state";
import { replyAction } from "./actions";
import { InsertArticleLink, type LinkableArticle } from "./insert-article-link";

export function Composer({ ticket, articles = [] }: { ticket: number; articles?: LinkableArticle[] }) {
  const [state, action, pending] = useActionState(replyAction, IDLE);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "ok") formRef.current?.reset();
  }, [state]);
  return (
    <form ref={formRef} action={action} className="space-y-2 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <input type="hidden" name="ticket" value={ticket} />
      <label htmlFor="body" className="sr-only">
        Message
      </label>
      <textarea
        id="body"
        name="body"
        rows={4}
        placeholder="Write a reply or an internal note…"
        className="block w-full rounded-md p-2 text-sm ring-1 ring-slate-300"
      />
      {state.fields?.body?.map((m) => (
        <p key={m} role="alert" className="text-xs text-rose-600">
          {m}
        </p>
      ))}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" name="kind" value="reply" disabled={pending}>
          Send reply
        </Button>
        <Button type="submit" name="kind" value="note" variant="secondary" disabled={pending}>
          Add internal note
        </Button>
        <InsertArticleLink
          articles={articles}
          target={() => formRef.current?.elements.namedItem("body") as HTMLTextAreaElement | null}
        />
        <FormMessage state={state} inline={["body"]} />
      </div>
    </form>
  );
}
