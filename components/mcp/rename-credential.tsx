"use client";

import { INPUT_CLASS } from "@/components/ui/field";
import { InlineEditForm, useInlineEdit } from "@/components/ui/inline-edit";
import type { ActionState } from "@/lib/action-state";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/** A key's or token's name with a "Rename" button that turns it into a small form. */
export function RenameCredential({ id, name, action }: { id: string; name: string; action: Action }) {
  const edit = useInlineEdit(action, "name");
  if (!edit.editing) {
    return (
      <span className="inline-flex items-center gap-2">
        <span>{name}</span>
        <button
          type="button"
          onClick={() => edit.setEditing(true)}
          aria-label={`Rename ${name}`}
          className="text-xs text-indigo-700 hover:underline"
        >
          Rename
        </button>
      </span>
    );
  }
  return (
    <InlineEditForm edit={edit} id={id} label={`Rename ${name}`} inline>
      <input
        name="name"
        defaultValue={name}
        aria-label={`New name for ${name}`}
        // The form opens on the person's click: the field is where they type next.
        autoFocus
        className={`${INPUT_CLASS} min-w-32`}
      />
    </InlineEditForm>
  );
}
