"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE } from "@/lib/action-state";
import { updateRoundRobinAction } from "./actions";

export function RoundRobinForm({ enabled, canEdit }: { enabled: boolean; canEdit: boolean }) {
  const [state, action, pending] = useActionState(updateRoundRobinAction, IDLE);
  return (
    <form
      action={action}
      data-testid="round-robin-form"
      className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <fieldset disabled={!canEdit} className="space-y-1 text-sm">
        <legend className="font-semibold">Round-robin assignment</legend>
        <p className="text-slate-600">
          A new ticket for a team, or one transferred to a team, that has no assignee goes to the team&apos;s online
          member who was auto-assigned least recently. When nobody in the team is online it stays unassigned.
        </p>
        <label className="flex items-center gap-2">
          <input type="radio" name="round_robin" value="on" defaultChecked={enabled} /> On
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="round_robin" value="off" defaultChecked={!enabled} /> Off
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
