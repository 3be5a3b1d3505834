"use client";

import { OnOffForm } from "@/components/settings/on-off-form";
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
  return (
    <OnOffForm
      action={updateMcpConfirmationAction}
      name="confirm_destructive"
      legend="Confirm destructive MCP actions"
      enabled={enabled}
      canEdit={canEdit}
      testId="mcp-confirmation-form"
      extra={
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
      }
    >
      When on, an MCP client asks its user before a delete or a bulk change over the number of tickets below. A key or
      an app connection can ask even when this is off.
    </OnOffForm>
  );
}
