"use client";

import { INPUT_CLASS } from "@/components/ui/field";
import { InlineEditForm, useInlineEdit } from "@/components/ui/inline-edit";
import type { ActionState } from "@/lib/action-state";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/** A key's IP allow-list as it stands ("Any address" when empty), and an "Edit" that turns it into a form. */
export function IpAllowListForm({
  id,
  name,
  list,
  editable,
  action,
}: {
  id: string;
  name: string;
  list: string[];
  editable: boolean;
  action: Action;
}) {
  const edit = useInlineEdit(action, "ip_allow_list");
  if (!edit.editing) {
    return (
      <div className="space-y-1" data-testid="ip-allow-list">
        {list.length ? (
          <ul className="font-mono">
            {list.map((entry) => (
              <li key={entry}>{entry}</li>
            ))}
          </ul>
        ) : (
          <span>Any address</span>
        )}
        {editable ? (
          <button
            type="button"
            onClick={() => edit.setEditing(true)}
            aria-label={`Edit IP allow-list of ${name}`}
            className="block text-xs text-indigo-700 hover:underline"
          >
            Edit
          </button>
        ) : null}
      </div>
    );
  }
  return (
    <InlineEditForm edit={edit} id={id} label={`IP allow-list of ${name}`}>
      <textarea
        name="ip_allow_list"
        rows={3}
        defaultValue={list.join("\n")}
        aria-label={`Addresses ${name} is accepted from`}
        placeholder="203.0.113.0/24"
        // The form opens on the person's click: the list is where they type next.
        autoFocus
        className={`${INPUT_CLASS} min-w-40 font-mono text-xs`}
      />
      <p className="text-xs text-slate-500">One address or CIDR range per line; empty: any address.</p>
    </InlineEditForm>
  );
}
