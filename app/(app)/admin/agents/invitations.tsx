"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { RevokeForm } from "@/components/ui/revoke-form";
import { NewSecret } from "@/components/mcp/new-secret";
import { IDLE } from "@/lib/action-state";
import { reissueInvitationAction, revokeInvitationAction } from "./actions";
import { TimeAgo } from "@/components/ui/time-ago";

export type PendingInvitation = {
  id: string;
  email: string;
  role: string;
  invited_by: string | null;
  expires_at: string;
  expired: boolean;
};

/** Pending invitations: a new link (shown once; the old one stops working) or withdraw. */
export function Invitations({ invitations }: { invitations: PendingInvitation[] }) {
  if (invitations.length === 0) return null;
  return (
    <section className="space-y-2 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" aria-label="Invitations">
      <h2 className="font-semibold">Pending invitations</h2>
      <ul className="divide-y divide-slate-100 text-sm">
        {invitations.map((i) => (
          <li key={i.id} className="space-y-2 py-2" data-testid="invitation-row">
            <Invitation invitation={i} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function Invitation({ invitation: i }: { invitation: PendingInvitation }) {
  const [state, action, pending] = useActionState(reissueInvitationAction, IDLE);
  const link = state.status === "ok" ? (state.data as { link: string } | undefined)?.link : undefined;
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <span>
          <span className="font-medium">{i.email}</span> <span className="capitalize text-slate-600">· {i.role}</span>
          <span className="text-xs text-slate-500">
            {" "}
            · invited by {i.invited_by ?? "—"} ·{" "}
            {i.expired ? "expired" : <TimeAgo date={i.expires_at} prefix="expires " />}
          </span>
        </span>
        <span className="flex items-start gap-2">
          <form action={action}>
            <input type="hidden" name="invitation_id" value={i.id} />
            <Button type="submit" variant="secondary" disabled={pending} aria-label={`New link for ${i.email}`}>
              New link
            </Button>
          </form>
          <RevokeForm
            action={revokeInvitationAction}
            field="invitation_id"
            value={i.id}
            label={`the invitation for ${i.email}`}
            verb="Withdraw"
            consequence={`The invitation link sent to ${i.email} stops working at once.`}
          />
        </span>
      </div>
      {state.status === "error" ? <FormMessage state={state} /> : null}
      {link ? (
        <NewSecret label="Invitation link" secret={link}>
          A new link for {i.email}; the previous one no longer works. Copy it now: it is shown only this once.
        </NewSecret>
      ) : null}
    </>
  );
}
