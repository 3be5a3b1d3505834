"use client";

import { useActionState, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { IDLE, type ActionState } from "@/lib/action-state";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/**
 * A value shown as text with a button that turns it into a small form: whether it is being edited,
 * the form's action (which closes the form once the change is saved), and the messages to show
 * under it (the field's own and the form's error).
 */
export function useInlineEdit(action: Action, field: string) {
  const [editing, setEditing] = useState(false);
  const [state, formAction, pending] = useActionState(async (prev: ActionState, form: FormData) => {
    const next = await action(prev, form);
    if (next.status === "ok") setEditing(false);
    return next;
  }, IDLE);
  const errors = [
    ...(state.fields?.[field] ?? []),
    ...(state.status === "error" && state.message ? [state.message] : []),
  ];
  return { editing, setEditing, formAction, pending, errors };
}

/**
 * The form of an inline edit: the record's id, its control (`children`), Save and Cancel, and the
 * messages. `inline` keeps the control and the buttons on one line.
 */
export function InlineEditForm({
  edit,
  id,
  label,
  inline = false,
  children,
}: {
  edit: ReturnType<typeof useInlineEdit>;
  id: string;
  label: string;
  inline?: boolean;
  children: ReactNode;
}) {
  const buttons = (
    <>
      <Button type="submit" variant="secondary" disabled={edit.pending}>
        Save
      </Button>
      <Button type="button" variant="ghost" onClick={() => edit.setEditing(false)}>
        Cancel
      </Button>
    </>
  );
  return (
    <form action={edit.formAction} className="space-y-1" aria-label={label}>
      <input type="hidden" name="id" value={id} />
      {inline ? (
        <div className="flex items-center gap-1">
          {children}
          {buttons}
        </div>
      ) : (
        <>
          {children}
          <div className="flex gap-1">{buttons}</div>
        </>
      )}
      {edit.errors.map((m) => (
        <p key={m} role="alert" className="text-xs text-rose-600">
          {m}
        </p>
      ))}
    </form>
  );
}
