"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { NewSecret } from "@/components/mcp/new-secret";
import { IDLE } from "@/lib/action-state";
import { createWebhookAction } from "./actions";

export function CreateWebhookForm({ events }: { events: { type: string; label: string }[] }) {
  const [state, action, pending] = useActionState(createWebhookAction, IDLE);
  const created = state.status === "ok" ? (state.data as { secret: string; url: string } | undefined) : undefined;
  return (
    <>
      {created ? (
        <NewSecret label="Webhook signing secret" secret={created.secret}>
          Copy the signing secret for {created.url} now. It is shown only this once; rotate it to get a new one.
        </NewSecret>
      ) : null}
      <form
        action={action}
        className="space-y-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
        aria-label="Add webhook"
      >
        <h2 className="font-semibold">Add a webhook</h2>
        <div className="grid gap-4 md:grid-cols-2">
          <Field label="URL" name="url" errors={state.fields?.url}>
            <input id="url" name="url" placeholder="https://example.com/webhooks/deskbridge" className={INPUT_CLASS} />
          </Field>
          <Field label="Description" name="description" errors={state.fields?.description}>
            <input id="description" name="description" placeholder="CRM sync" className={INPUT_CLASS} />
          </Field>
        </div>
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-slate-700">Events</legend>
          <div className="grid gap-x-6 gap-y-1 text-sm md:grid-cols-2">
            {events.map((e) => (
              <label key={e.type} className="flex items-center gap-2">
                <input type="checkbox" name="events" value={e.type} />
                <code className="text-xs">{e.type}</code>
                <span className="text-xs text-slate-500">{e.label}</span>
              </label>
            ))}
          </div>
          {state.fields?.events?.map((m) => (
            <p key={m} role="alert" className="text-xs text-rose-600">
              {m}
            </p>
          ))}
        </fieldset>
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={pending}>
            Add webhook
          </Button>
          {state.status === "error" ? <FormMessage state={state} inline={["url", "description", "events"]} /> : null}
        </div>
      </form>
    </>
  );
}
