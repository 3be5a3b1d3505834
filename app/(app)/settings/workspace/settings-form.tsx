"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE } from "@/lib/action-state";
import type { OAuthAuthorizePolicy } from "@/lib/generated/prisma/enums";
import { OAUTH_POLICIES } from "@/lib/validations/settings";
import { updateOAuthPolicyAction } from "./actions";

const LABELS: Record<OAuthAuthorizePolicy, string> = {
  owners: "Owners only (recommended)",
  owners_admins: "Owners and admins",
  everyone: "Every agent",
};

export function WorkspaceSettingsForm({ policy, canEdit }: { policy: string; canEdit: boolean }) {
  const [state, action, pending] = useActionState(updateOAuthPolicyAction, IDLE);
  return (
    <form action={action} className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <fieldset disabled={!canEdit} className="space-y-1 text-sm">
        <legend className="font-semibold">Who may authorize OAuth apps (MCP clients)</legend>
        {OAUTH_POLICIES.map((value) => (
          <label key={value} className="flex items-center gap-2">
            <input type="radio" name="policy" value={value} defaultChecked={policy === value} /> {LABELS[value]}
          </label>
        ))}
      </fieldset>
      {canEdit ? (
        <Button type="submit" disabled={pending}>
          Save
        </Button>
      ) : (
        <p className="text-xs text-slate-500">Only owners can change this.</p>
      )}
      <FormMessage state={state} />
    </form>
  );
}
