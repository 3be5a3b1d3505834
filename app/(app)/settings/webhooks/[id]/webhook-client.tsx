"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { RevokeForm } from "@/components/ui/revoke-form";
import { NewSecret } from "@/components/mcp/new-secret";
import { IDLE } from "@/lib/action-state";
import type { WebhookDeliveryJson } from "@/lib/services/webhooks/list-webhook-deliveries";
import {
  deleteWebhookAction,
  redeliverWebhookAction,
  rotateWebhookSecretAction,
  setWebhookEnabledAction,
} from "../actions";
import { TimeAgo } from "@/components/ui/time-ago";

const OVERLAP = [
  ["0", "Replace at once"],
  ["1", "Keep the old one 1 hour"],
  ["24", "Keep the old one 24 hours"],
  ["168", "Keep the old one a week"],
] as const;

export function WebhookControls({ id, url, enabled }: { id: string; url: string; enabled: boolean }) {
  const [toggle, toggleAction, toggling] = useActionState(setWebhookEnabledAction, IDLE);
  const [rotate, rotateAction, rotating] = useActionState(rotateWebhookSecretAction, IDLE);
  const rotated = rotate.status === "ok" ? (rotate.data as { secret: string } | undefined) : undefined;
  return (
    <section className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      {rotated ? (
        <NewSecret label="New webhook signing secret" secret={rotated.secret}>
          Copy the new signing secret now. It is shown only this once.
        </NewSecret>
      ) : null}
      <div className="flex flex-wrap items-start gap-4">
        <form action={toggleAction} className="flex items-center gap-2">
          <input type="hidden" name="webhook" value={id} />
          <input type="hidden" name="enabled" value={enabled ? "false" : "true"} />
          <Button type="submit" variant="secondary" disabled={toggling}>
            {enabled ? "Turn off" : "Turn on"}
          </Button>
          <FormMessage state={toggle} />
        </form>
        <form action={rotateAction} className="flex items-center gap-2" aria-label="Rotate secret">
          <input type="hidden" name="webhook" value={id} />
          <label htmlFor="overlap_hours" className="sr-only">
            Overlap
          </label>
          <select
            id="overlap_hours"
            name="overlap_hours"
            defaultValue="24"
            className="rounded-md border-0 py-1.5 text-sm ring-1 ring-slate-300"
          >
            {OVERLAP.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <Button type="submit" variant="secondary" disabled={rotating}>
            Rotate secret
          </Button>
          {rotate.status === "error" ? <FormMessage state={rotate} /> : null}
        </form>
        <div className="ml-auto">
          <RevokeForm
            action={deleteWebhookAction}
            field="webhook"
            value={id}
            label={url}
            verb="Delete"
            showSuccess
            consequence="No further events are sent to it, and its delivery log is deleted with it."
          />
        </div>
      </div>
    </section>
  );
}

function ResendButton({ delivery }: { delivery: string }) {
  const [state, action, pending] = useActionState(redeliverWebhookAction, IDLE);
  return (
    <form action={action} className="inline-flex flex-col items-end gap-1">
      <input type="hidden" name="delivery" value={delivery} />
      <Button type="submit" variant="secondary" disabled={pending}>
        Send again
      </Button>
      <FormMessage state={state} />
    </form>
  );
}

export function DeliveryLog({ deliveries, canResend }: { deliveries: WebhookDeliveryJson[]; canResend: boolean }) {
  if (deliveries.length === 0)
    return (
      <p className="rounded-lg bg-white p-4 text-center text-sm text-slate-500 ring-1 ring-slate-200">
        No deliveries yet: they appear here as events happen.
      </p>
    );
  return (
    <ul className="space-y-2" data-testid="webhook-deliveries">
      {deliveries.map((d) => (
        <li
          key={d.id}
          data-testid="webhook-delivery"
          data-success={d.success}
          className="rounded-lg bg-white p-3 text-sm shadow-sm ring-1 ring-slate-200"
        >
          <div className="flex flex-wrap items-center gap-3">
            <span className={d.success ? "font-medium text-emerald-700" : "font-medium text-rose-700"}>
              {d.response_status ? `HTTP ${d.response_status}` : "No answer"}
            </span>
            <code className="text-xs">{d.event_type}</code>
            <span className="text-xs text-slate-600">attempt {d.attempt}</span>
            <span className="text-xs text-slate-600">{d.duration_ms} ms</span>
            <TimeAgo date={d.created_at} className="text-xs text-slate-600" />
            {canResend ? (
              <span className="ml-auto">
                <ResendButton delivery={d.id} />
              </span>
            ) : null}
          </div>
          {d.error ? <p className="mt-1 text-xs text-rose-700">{d.error}</p> : null}
          <details className="mt-2">
            <summary className="cursor-pointer text-xs text-slate-600">Request and response</summary>
            <div className="mt-2 grid gap-2 md:grid-cols-2">
              <div>
                <p className="text-xs font-medium text-slate-700">Request</p>
                <pre className="max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 text-xs">
                  {Object.entries(d.request.headers)
                    .map(([name, value]) => `${name}: ${value}`)
                    .join("\n")}
                  {"\n\n"}
                  {d.request.body}
                </pre>
              </div>
              <div>
                <p className="text-xs font-medium text-slate-700">Response</p>
                <pre className="max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 text-xs">
                  {d.response_body ?? "—"}
                </pre>
              </div>
            </div>
          </details>
        </li>
      ))}
    </ul>
  );
}
