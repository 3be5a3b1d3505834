"use client";

import { updateRequireTwoFactorAction } from "./actions";
import { OnOffForm } from "@/components/settings/on-off-form";

export function RequireTwoFactorForm({ enabled, canEdit }: { enabled: boolean; canEdit: boolean }) {
  return (
    <OnOffForm
      action={updateRequireTwoFactorAction}
      name="require_two_factor"
      legend="Require two-factor sign-in for owners and admins"
      enabled={enabled}
      canEdit={canEdit}
      testId="require-two-factor-form"
    >
      Owners and admins without two-factor sign-in are asked to set it up at their next web sign-in, before anything
      else. Their API keys, personal tokens and connected apps keep working.
    </OnOffForm>
  );
}
