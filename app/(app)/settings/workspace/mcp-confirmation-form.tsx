"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE } from "@/lib/action-state";
import { updateMcpConfirmationAction } from "./actions";

/** MCP: whether deletes and large bulk changes ask the person at the client to confirm first. */
export function McpConfirmationForm({
  enabled,
  bulkOver,
  canEdit,
}: {
  enabled: boolean;
  bulkOver: number;
  canEdit: boolean;
}) {
  const [state, action, pending] = useActionState(updateMcpConfirmationAction, IDLE);
  return (
    <form
      action={action}
      data-testid="mcp-confirmation-form"
      className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <fieldset disabled={!canEdit} className="space-y-1 text-sm">
        <legend className="font-semibold">Confirm destructive MCP actions</legend>
        <p className="text-slate-600">
          When on, an MCP client asks its user before a delete or a bulk change over the number of tickets below. A key
          or an app connection can ask even when this is off.
        </p>
        <label className="flex items-center gap-2">
          <input type="radio" name="confirm_destructive" value="on" defaultChecked={enabled} /> On
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="confirm_destructive" value="off" defaultChecked={!enabled} /> Off
        </label>
        <label className="flex items-center gap-2">
          Bulk changes over
          <input
            type="number"
            name="bulk_over"
            min={1}
            max={100}
            defaultValue={bulkOver}
            aria-label="Bulk changes over this many tickets confirm"
            className="w-20 rounded-md border border-slate-300 px-2 py-1"
          />
          tickets confirm
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
