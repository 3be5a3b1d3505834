"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { INPUT_CLASS } from "@/components/ui/field";
import { IDLE, type ActionState } from "@/lib/action-state";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/** A key's or token's name with a "Rename" button that turns it into a small form. */
export function RenameCredential({ id, name, action }: { id: string; name: string; action: Action }) {
  const [editing, setEditing] = useState(false);
  const [state, formAction, pending] = useActionState(async (prev: ActionState, form: FormData) => {
    const next = await action(prev, form);
    if (next.status === "ok") setEditing(false);
    return next;
  }, IDLE);
  if (!editing) {
    return (
      <span className="inline-flex items-center gap-2">
        <span>{name}</span>
        <button
          type="button"
          onClick={() => setEditing(true)}
          aria-label={`Rename ${name}`}
          className="text-xs text-indigo-700 hover:underline"
        >
          Rename
        </button>
      </span>
    );
  }
  const errors = [...(state.fields?.name ?? []), ...(state.status === "error" && state.message ? [state.message] : [])];
  return (
    <form action={formAction} className="space-y-1" aria-label={`Rename ${name}`}>
      <input type="hidden" name="id" value={id} />
      <div className="flex items-center gap-1">
        <input
          name="name"
          defaultValue={name}
          aria-label={`New name for ${name}`}
          // The form opens on the person's click: the field is where they type next.
          autoFocus
          className={`${INPUT_CLASS} min-w-32`}
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          Save
        </Button>
        <Button type="button" variant="ghost" onClick={() => setEditing(false)}>
          Cancel
        </Button>
      </div>
      {errors.map((m) => (
        <p key={m} role="alert" className="text-xs text-rose-600">
          {m}
        </p>
      ))}
    </form>
  );
}
