import { snippetParts } from "@/lib/search/query";

/**
 * A search snippet: every part is rendered as text (React escapes it), and only
 * the parts search marked as matches are wrapped in <mark>; never raw HTML.
 */
export function Snippet({ text }: { text: string }) {
  return (
    <p className="mt-0.5 line-clamp-2 text-xs text-slate-600" data-testid="ticket-snippet">
      {snippetParts(text).map((part, i) =>
        part.match ? (
          <mark key={i} className="rounded-sm bg-amber-100 px-0.5 text-slate-900">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </p>
  );
}
