"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE } from "@/lib/action-state";
import { spamAction } from "./actions";

type Props = {
  ticket: number;
  channel: string;
  spam: boolean;
  followers: { email: string; name: string | null }[];
};

/** An email ticket's mail side: the spam verdict (with the way back to the inbox) and its followers. */
export function EmailPanel({ ticket, channel, spam, followers }: Props) {
  const [state, action, pending] = useActionState(spamAction, IDLE);
  if (channel !== "email" && !spam) return null;
  return (
    <section className="rounded-lg bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200" data-testid="email-panel">
      <h2 className="mb-2 font-semibold">Email</h2>
      {spam ? (
        <p className="mb-2 rounded-md bg-amber-50 p-2 text-amber-800" data-testid="spam-notice">
          The receiving mail server judged this mail spam: the ticket is in the Spam view, not the inbox.
        </p>
      ) : null}
      <p className="text-slate-600">Replies go by email to the contact{followers.length ? " and followers" : ""}.</p>
      {followers.length ? (
        <ul className="mt-1 space-y-0.5 text-slate-700" data-testid="followers">
          {followers.map((f) => (
            <li key={f.email}>{f.name ? `${f.name} <${f.email}>` : f.email}</li>
          ))}
        </ul>
      ) : null}
      <form action={action} className="mt-2">
        <input type="hidden" name="ticket" value={ticket} />
        <input type="hidden" name="spam" value={spam ? "false" : "true"} />
        <Button type="submit" variant="secondary" disabled={pending}>
          {spam ? "Not spam" : "Mark as spam"}
        </Button>
        <FormMessage state={state} />
      </form>
    </section>
  );
}
