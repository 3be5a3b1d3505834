"use client";

import { updateRoundRobinAction } from "./actions";
import { OnOffForm } from "@/components/settings/on-off-form";

export function RoundRobinForm({ enabled, canEdit }: { enabled: boolean; canEdit: boolean }) {
  return (
    <OnOffForm
      action={updateRoundRobinAction}
      name="round_robin"
      legend="Round-robin assignment"
      enabled={enabled}
      canEdit={canEdit}
      testId="round-robin-form"
    >
      A new ticket for a team, or one transferred to a team, that has no assignee goes to the team&apos;s online member
      who was auto-assigned least recently. When nobody in the team is online it stays unassigned.
    </OnOffForm>
  );
}
