"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { IDLE } from "@/lib/action-state";
import { saveNotificationPreferencesAction } from "./actions";

export function PreferencesForm({ types, email }: { types: { value: string; label: string }[]; email: string[] }) {
  const [state, action, pending] = useActionState(saveNotificationPreferencesAction, IDLE);
  return (
    <form action={action} className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">Email me when</legend>
        {types.map((t) => (
          <label key={t.value} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="email" value={t.value} defaultChecked={email.includes(t.value)} />
            {t.label}
          </label>
        ))}
      </fieldset>
      {state.message ? (
        <p
          role={state.status === "error" ? "alert" : "status"}
          className={`text-sm ${state.status === "error" ? "text-rose-600" : "text-emerald-700"}`}
        >
          {state.message}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        Save preferences
      </Button>
    </form>
  );
}
