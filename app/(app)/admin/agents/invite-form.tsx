"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { NewSecret } from "@/components/mcp/new-secret";
import { IDLE } from "@/lib/action-state";
import type { InvitableRole } from "@/lib/validations/users";
import { inviteAction } from "./actions";

/** Invite by email; the single-use link is shown here once for the admin to send. */
export function InviteForm({ roles }: { roles: readonly InvitableRole[] }) {
  const [state, action, pending] = useActionState(inviteAction, IDLE);
  const made = state.status === "ok" ? (state.data as { link: string; email: string } | undefined) : undefined;
  return (
    <section className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" aria-label="Invite">
      <h2 className="font-semibold">Invite someone</h2>
      <form action={action} className="grid items-start gap-3 md:grid-cols-[2fr_2fr_1fr_auto]" noValidate>
        <Field label="Email" name="invite-email" errors={state.fields?.email}>
          <input id="invite-email" name="email" type="email" placeholder="name@example.com" className={INPUT_CLASS} />
        </Field>
        <Field label="Name (optional)" name="invite-name" errors={state.fields?.name}>
          <input id="invite-name" name="name" className={INPUT_CLASS} />
        </Field>
        <Field label="Role" name="invite-role" errors={state.fields?.role}>
          <select id="invite-role" name="role" defaultValue="agent" className={`${INPUT_CLASS} capitalize`}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </Field>
        <Button type="submit" disabled={pending} className="md:mt-6">
          Invite
        </Button>
      </form>
      {state.status === "error" ? <FormMessage state={state} inline={["email", "name", "role"]} /> : null}
      {made ? (
        <NewSecret label="Invitation link" secret={made.link}>
          Invitation made for {made.email}. Copy this link and send it to them: it is shown only this once, works once
          and expires in seven days.
        </NewSecret>
      ) : null}
    </section>
  );
}
