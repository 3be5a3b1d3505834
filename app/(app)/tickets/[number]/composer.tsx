"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useLiveTicket } from "@/components/live/live-ticket";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE, type ActionState } from "@/lib/action-state";
import { renderTemplate, type PlaceholderValues } from "@/lib/templates/placeholders";
import { replyAction } from "./actions";
import { AttachmentPicker } from "./attachment-picker";
import { InsertArticleLink, type LinkableArticle } from "./insert-article-link";

export type ComposerSnippet = { id: string; shortcut: string; name: string; body: string };

const MAX_SHOWN = 8;

/** The ;query being typed just before the caret (after the start or a space), or null. */
export function snippetQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s);([a-z0-9-]+)$/i.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[2]!.length - 1, query: match[2]!.toLowerCase() };
}

function matching(snippets: ComposerSnippet[], query: string) {
  const starts = snippets.filter((s) => s.shortcut.startsWith(query));
  const contains = snippets.filter(
    (s) => !starts.includes(s) && (s.shortcut.includes(query) || s.name.toLowerCase().includes(query)),
  );
  return [...starts, ...contains].slice(0, MAX_SHOWN);
}

export function Composer({
  ticket,
  newestMessageId = null,
  snippets = [],
  articles = [],
  values,
}: {
  ticket: number;
  /** The newest message the page shows: a reply is written against it. */
  newestMessageId?: string | null;
  snippets?: ComposerSnippet[];
  articles?: LinkableArticle[];
  values: PlaceholderValues;
}) {
  const [text, setTextOnly] = useState("");
  // The newest message when the draft was started: a reply over anything newer asks first, even
  // when the page has since refreshed to show it under a writer busy typing.
  const [draftSeen, setDraftSeen] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const areaRef = useRef<HTMLTextAreaElement>(null);
  const [state, action, pending] = useActionState(async (prev: ActionState, form: FormData) => {
    const next = await replyAction(prev, form);
    if (next.status === "ok") setText("");
    return next;
  }, IDLE);
  const asking = state.status === "error" && state.data?.newer === true;

  function setText(next: string) {
    setTextOnly(next);
    if (!next) setDraftSeen(null);
    else if (!text) setDraftSeen(newestMessageId);
  }

  // Others see "replying" while the composer has text or focus.
  const live = useLiveTicket();
  const replying = focused || text.trim().length > 0;
  useEffect(() => {
    live?.report(replying ? "replying" : "viewing");
  }, [live, replying]);

  const at = snippetQueryAt(text, caret);
  const options = at && at.start !== dismissedAt ? matching(snippets, at.query) : [];
  const open = options.length > 0;

  function track(area: HTMLTextAreaElement) {
    setText(area.value);
    setCaret(area.selectionStart);
  }

  function insert(snippet: ComposerSnippet) {
    if (!at) return;
    const rendered = renderTemplate(snippet.body, values);
    const next = text.slice(0, at.start) + rendered + text.slice(caret);
    const position = at.start + rendered.length;
    setText(next);
    setCaret(position);
    setActive(0);
    requestAnimationFrame(() => {
      areaRef.current?.focus();
      areaRef.current?.setSelectionRange(position, position);
    });
  }

  /** Puts `inserted` at the caret (or over the selection) on a line of its own. */
  function insertLine(inserted: string) {
    const area = areaRef.current;
    const start = area?.selectionStart ?? text.length;
    const end = area?.selectionEnd ?? start;
    const before = text.slice(0, start);
    const after = text.slice(end);
    const lead = before && !before.endsWith("\n") ? "\n" : "";
    const trail = after && !after.startsWith("\n") ? "\n" : "";
    const position = (before + lead + inserted).length;
    setText(`${before}${lead}${inserted}${trail}${after}`);
    setCaret(position);
    requestAnimationFrame(() => {
      areaRef.current?.focus();
      areaRef.current?.setSelectionRange(position, position);
    });
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLTextAreaElement>) {
    if (!open) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (i + step + options.length) % options.length);
    } else if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      insert(options[Math.min(active, options.length - 1)]!);
    } else if (event.key === "Escape") {
      event.preventDefault();
      setDismissedAt(at!.start);
    }
  }

  return (
    <form action={action} className="space-y-2 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <input type="hidden" name="ticket" value={ticket} />
      {(text ? draftSeen : newestMessageId) ? (
        <input type="hidden" name="last_seen_message_id" value={(text ? draftSeen : newestMessageId) ?? ""} />
      ) : null}
      <label htmlFor="body" className="sr-only">
        Message
      </label>
      <div className="relative">
        <textarea
          ref={areaRef}
          id="body"
          name="body"
          rows={4}
          value={text}
          onChange={(e) => {
            track(e.target);
            setActive(0);
          }}
          onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setDismissedAt(at?.start ?? null);
            setFocused(false);
          }}
          onFocus={() => {
            setDismissedAt(null);
            setFocused(true);
          }}
          placeholder="Write a reply or an internal note… (type ; and a shortcut to insert a snippet)"
          aria-controls={open ? "snippet-picker" : undefined}
          className="block w-full rounded-md p-2 text-sm ring-1 ring-slate-300"
        />
        {open ? (
          <ul
            id="snippet-picker"
            role="listbox"
            aria-label="Snippets"
            className="absolute right-0 left-0 z-10 mt-1 max-h-64 overflow-auto rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-slate-200"
          >
            {options.map((s, i) => (
              <li
                key={s.id}
                role="option"
                aria-selected={i === active}
                // Keep the textarea focused, so the caret and the ;query stay where they are.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => insert(s)}
                className={`cursor-pointer px-3 py-1.5 ${i === active ? "bg-indigo-50" : ""}`}
              >
                <code className="text-indigo-700">;{s.shortcut}</code> <span className="text-slate-700">{s.name}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <AttachmentPicker />
      {state.fields?.body?.map((m) => (
        <p key={m} role="alert" className="text-xs text-rose-600">
          {m}
        </p>
      ))}
      {asking ? (
        <div
          role="alert"
          data-testid="newer-messages"
          className="flex flex-wrap items-center gap-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200"
        >
          <p className="mr-auto">{state.message}</p>
          <Button type="submit" name="send_anyway" value={String(state.data?.then ?? "reply")} disabled={pending}>
            Send anyway
          </Button>
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" name="kind" value="reply" disabled={pending}>
          Send reply
        </Button>
        <Button type="submit" name="then" value="pending" variant="secondary" disabled={pending}>
          Send and set pending
        </Button>
        <Button type="submit" name="then" value="resolved" variant="secondary" disabled={pending}>
          Send and set resolved
        </Button>
        <Button type="submit" name="kind" value="note" variant="secondary" disabled={pending}>
          Add internal note
        </Button>
        <InsertArticleLink articles={articles} onInsert={insertLine} />
        <FormMessage state={asking ? IDLE : state} inline={["body"]} />
      </div>
    </form>
  );
}
