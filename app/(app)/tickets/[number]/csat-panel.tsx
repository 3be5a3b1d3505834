"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { INPUT_CLASS } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE } from "@/lib/action-state";
import { sendCsatAction } from "./actions";
import { TimeAgo } from "@/components/ui/time-ago";

type Rating = { label: string; satisfied: boolean; comment: string | null; rated_at: string };

type Props = {
  ticket: number;
  /** Resolved or closed: a new link may be issued. */
  canRequest: boolean;
  rating: Rating | null;
  request: { state: string; link: string | null; expires_at: string } | null;
};

const STATE_WORDS: Record<string, string> = {
  awaiting_rating: "Waiting for the customer's rating",
  rated: "Rated",
  expired: "The rating link has expired",
  replaced: "A newer link replaced this one",
};

/** The ticket's customer satisfaction: the score, and the customer's link while it takes a rating. */
export function CsatPanel({ ticket, canRequest, rating, request }: Props) {
  const [state, action, pending] = useActionState(sendCsatAction, IDLE);
  return (
    <section className="space-y-2 rounded-lg bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200" data-testid="csat">
      <h2 className="font-semibold">Customer satisfaction</h2>
      {rating ? (
        <div>
          <p>
            <span
              data-testid="csat-score"
              className={`rounded px-1.5 py-0.5 font-medium ${rating.satisfied ? "bg-green-100 text-green-800" : "bg-red-100 text-red-800"}`}
            >
              {rating.label}
            </span>
          </p>
          {rating.comment ? <p className="mt-1 whitespace-pre-wrap text-slate-700">“{rating.comment}”</p> : null}
        </div>
      ) : (
        <p className="text-slate-500" data-testid="csat-score">
          Not rated
        </p>
      )}
      {request ? <p className="text-xs text-slate-500">{STATE_WORDS[request.state] ?? request.state}</p> : null}
      {request?.link ? (
        <label className="block space-y-1">
          <span className="text-xs text-slate-600">
            Rating link for the customer (until <TimeAgo date={request.expires_at} mode="day" />)
          </span>
          <input
            readOnly
            value={request.link}
            className={INPUT_CLASS}
            data-testid="csat-link"
            onFocus={(e) => e.target.select()}
          />
        </label>
      ) : null}
      {canRequest ? (
        <form action={action}>
          <input type="hidden" name="ticket" value={ticket} />
          <Button type="submit" disabled={pending}>
            {request?.link ? "Issue a new link" : "Send a rating request"}
          </Button>
          <FormMessage state={state} />
        </form>
      ) : null}
    </section>
  );
}
