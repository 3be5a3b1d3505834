"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE } from "@/lib/action-state";
import { updateContactAction } from "../actions";

const FIELDS = [
  ["name", "Name", "text"],
  ["email", "Main email", "email"],
  ["phone", "Phone", "tel"],
  ["company", "Company (as they wrote it)", "text"],
] as const;

/** Edits a contact; an emptied phone or company is cleared. */
export function ContactForm({
  contact,
}: {
  contact: { id: string; name: string; email: string | null; phone: string | null; company: string | null };
}) {
  const [state, action, pending] = useActionState(updateContactAction, IDLE);
  return (
    <form
      action={action}
      aria-label="Edit contact"
      className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <h2 className="font-semibold">Edit contact</h2>
      <input type="hidden" name="contact_id" value={contact.id} />
      <div className="grid gap-3 sm:grid-cols-2">
        {FIELDS.map(([name, label, type]) => (
          <Field key={name} label={label} name={name} errors={state.fields?.[name]}>
            <input id={name} name={name} type={type} defaultValue={contact[name] ?? ""} className={INPUT_CLASS} />
          </Field>
        ))}
      </div>
      <Button type="submit" disabled={pending}>
        Save contact
      </Button>
      <FormMessage state={state} inline={FIELDS.map(([name]) => name)} />
    </form>
  );
}
