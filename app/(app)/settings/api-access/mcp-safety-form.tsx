"use client";

import { OnOffSwitch, OwnerSettingsForm } from "@/components/settings/on-off-form";
import { updateMcpSafetyAction } from "./actions";

type Props = { repliesAsDrafts: boolean; lockdown: boolean; canEdit: boolean };

/** The workspace's MCP safety switches: replies as drafts, and the lockdown on customer-last tickets. */
export function McpSafetyForm({ repliesAsDrafts, lockdown, canEdit }: Props) {
  return (
    <OwnerSettingsForm action={updateMcpSafetyAction} legend="MCP safety" canEdit={canEdit} testId="mcp-safety-form">
      <OnOffSwitch name="replies_as_drafts" label="Replies from MCP clients are drafts" enabled={repliesAsDrafts}>
        A reply a connected app writes waits on the ticket page, with who proposed it, until an agent sends or discards
        it; the customer sees nothing before. A key or a connection can be set to drafts only on its own.
      </OnOffSwitch>
      <OnOffSwitch name="lockdown" label="Lockdown" enabled={lockdown}>
        Connected apps may not change a ticket whose latest message is the customer&apos;s until an agent has looked: a
        reply, a note, or &ldquo;Mark reviewed&rdquo; on the ticket page.
      </OnOffSwitch>
    </OwnerSettingsForm>
  );
}
