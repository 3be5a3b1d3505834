"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { INPUT_CLASS } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { TimeAgo } from "@/components/ui/time-ago";
import { IDLE } from "@/lib/action-state";
import type { DraftReplyRow } from "@/lib/services/drafts/list-draft-replies";
import { discardDraftAction, sendDraftAction } from "./actions";

/** Replies MCP clients proposed as drafts: an agent reads, edits if needed, and sends or discards each. */
export function DraftReplies({ ticket, drafts }: { ticket: number; drafts: DraftReplyRow[] }) {
  if (drafts.length === 0) return null;
  return (
    <section className="space-y-3" aria-label="Draft replies">
      {drafts.map((draft) => (
        <DraftCard key={draft.id} ticket={ticket} draft={draft} />
      ))}
    </section>
  );
}

function DraftCard({ ticket, draft }: { ticket: number; draft: DraftReplyRow }) {
  const [sent, send, sending] = useActionState(sendDraftAction, IDLE);
  const [discarded, discard, discarding] = useActionState(discardDraftAction, IDLE);
  const who = draft.proposed_by?.name ?? "Someone";
  return (
    <article
      data-testid="draft-reply"
      className="space-y-2 rounded-lg bg-amber-50 p-4 text-sm shadow-sm ring-1 ring-amber-200"
    >
      <p className="text-xs text-amber-900">
        <span className="font-semibold">Draft reply, not sent.</span> Proposed by{" "}
        <span data-testid="draft-proposer">
          {who}
          {draft.credential ? ` via ${draft.credential.name}` : ""}
        </span>{" "}
        <TimeAgo date={draft.created_at} />
      </p>
      <form action={send} className="space-y-2">
        <input type="hidden" name="ticket" value={ticket} />
        <input type="hidden" name="draft_id" value={draft.id} />
        <textarea
          name="body"
          defaultValue={draft.body}
          rows={Math.min(12, Math.max(3, draft.body.split("\n").length + 1))}
          className={INPUT_CLASS}
          aria-label="Draft reply"
        />
        <div className="flex items-center gap-2">
          <Button type="submit" disabled={sending || discarding}>
            Send draft
          </Button>
          <Button
            type="submit"
            formAction={discard}
            variant="secondary"
            disabled={sending || discarding}
            formNoValidate
          >
            Discard
          </Button>
          <FormMessage state={sent.status !== "idle" ? sent : discarded} />
        </div>
      </form>
    </article>
  );
}
