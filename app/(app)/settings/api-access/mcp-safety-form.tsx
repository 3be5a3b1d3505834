"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE } from "@/lib/action-state";
import { updateMcpSafetyAction } from "./actions";

type Props = { repliesAsDrafts: boolean; lockdown: boolean; canEdit: boolean };

/** The workspace's MCP safety switches: replies as drafts, and the lockdown on customer-last tickets. */
export function McpSafetyForm({ repliesAsDrafts, lockdown, canEdit }: Props) {
  const [state, action, pending] = useActionState(updateMcpSafetyAction, IDLE);
  return (
    <form
      action={action}
      data-testid="mcp-safety-form"
      className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <h2 className="font-semibold">MCP safety</h2>
      <fieldset disabled={!canEdit} className="space-y-3 text-sm">
        <input type="hidden" name="replies_as_drafts" value="off" />
        <label className="flex items-start gap-2">
          <input
            type="checkbox"
            name="replies_as_drafts"
            value="on"
            defaultChecked={repliesAsDrafts}
            className="mt-1"
          />
          <span>
            <span className="font-medium">Replies from MCP clients are drafts</span>
            <span className="block text-slate-600">
              A reply a connected app writes waits on the ticket page, with who proposed it, until an agent sends or
              discards it; the customer sees nothing before. A key or a connection can be set to drafts only on its own.
            </span>
          </span>
        </label>
        <input type="hidden" name="lockdown" value="off" />
        <label className="flex items-start gap-2">
          <input type="checkbox" name="lockdown" value="on" defaultChecked={lockdown} className="mt-1" />
          <span>
            <span className="font-medium">Lockdown</span>
            <span className="block text-slate-600">
              Connected apps may not change a ticket whose latest message is the customer&apos;s until an agent has
              looked: a reply, a note, or &ldquo;Mark reviewed&rdquo; on the ticket page.
            </span>
          </span>
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
