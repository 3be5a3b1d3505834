"use client";

import { useActionState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE, type ActionState } from "@/lib/action-state";

/** One workspace setting that is on or off, with what it does; only owners save it. */
export function OnOffForm({
  action,
  name,
  legend,
  enabled,
  canEdit,
  testId,
  children,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  name: string;
  legend: string;
  enabled: boolean;
  canEdit: boolean;
  testId: string;
  /** What the setting does, in a sentence or two. */
  children: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form
      action={formAction}
      data-testid={testId}
      className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <fieldset disabled={!canEdit} className="space-y-1 text-sm">
        <legend className="font-semibold">{legend}</legend>
        <p className="text-slate-600">{children}</p>
        <label className="flex items-center gap-2">
          <input type="radio" name={name} value="on" defaultChecked={enabled} /> On
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name={name} value="off" defaultChecked={!enabled} /> Off
        </label>
      </fieldset>
      {canEdit ? (
        <Button type="submit" disabled={pending}>
          Save
        </Button>
      ) : (
        <p className="text-xs text-slate-500">Only owners change this.</p>
      )}
      <FormMessage state={state} />
    </form>
  );
}
