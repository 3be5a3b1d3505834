"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE } from "@/lib/action-state";
import { TICKET_PRIORITIES } from "@/lib/validations/tickets";
import { createTicketAction } from "./actions";

const INLINE = ["contact_email", "contact_name", "subject", "body", "priority", "team"];

/** A ticket on a contact's behalf: pick a known contact's email or type a new one. */
export function NewTicketForm({
  contacts,
  teams,
  contactEmail,
}: {
  contacts: { name: string; email: string }[];
  teams: { id: string; name: string }[];
  contactEmail?: string;
}) {
  const [state, action, pending] = useActionState(createTicketAction, IDLE);
  const f = state.fields ?? {};
  return (
    <form
      action={action}
      aria-label="New ticket"
      className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          label="Contact email"
          name="contact_email"
          errors={f.contact_email}
          hint="Pick a contact or type a new address."
        >
          <input
            id="contact_email"
            name="contact_email"
            type="email"
            list="contact-emails"
            defaultValue={contactEmail}
            required
            autoComplete="off"
            className={INPUT_CLASS}
          />
        </Field>
        <datalist id="contact-emails">
          {contacts.map((c) => (
            <option key={c.email} value={c.email}>
              {c.name}
            </option>
          ))}
        </datalist>
        <Field label="Contact name (for a new contact)" name="contact_name" errors={f.contact_name}>
          <input id="contact_name" name="contact_name" className={INPUT_CLASS} />
        </Field>
      </div>
      <Field label="Subject" name="subject" errors={f.subject}>
        <input id="subject" name="subject" required className={INPUT_CLASS} />
      </Field>
      <Field label="First message (from the contact)" name="body" errors={f.body}>
        <textarea id="body" name="body" rows={6} required className={INPUT_CLASS} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Priority" name="priority" errors={f.priority}>
          <select id="priority" name="priority" defaultValue="normal" className={`${INPUT_CLASS} capitalize`}>
            {TICKET_PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Team" name="team" errors={f.team}>
          <select id="team" name="team" defaultValue="" className={INPUT_CLASS}>
            <option value="">No team</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Button type="submit" disabled={pending}>
        Create ticket
      </Button>
      <FormMessage state={state} inline={INLINE} />
    </form>
  );
}
