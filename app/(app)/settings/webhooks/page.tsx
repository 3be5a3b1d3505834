import type { Metadata } from "next";
import Link from "next/link";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { listWebhooks } from "@/lib/services/webhooks/list-webhooks";
import { privateTargetsAllowed } from "@/lib/services/webhooks/shared";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_TYPES } from "@/lib/validations/webhooks";
import { Badge } from "@/components/ui/badge";
import { CreateWebhookForm } from "./webhooks-client";
import { TimeAgo } from "@/components/ui/time-ago";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const { ctx } = await requireWorkspaceSession("admin", "/settings/webhooks");
  const webhooks = await listWebhooks(ctx);
  const events = WEBHOOK_EVENT_TYPES.map((type) => ({ type, label: WEBHOOK_EVENT_LABELS[type] }));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Webhooks</h1>
        <p className="text-sm text-slate-600">
          Deskbridge POSTs the events you choose to your endpoints as JSON <code>{"{ type, timestamp, data }"}</code>,
          signed per the Standard Webhooks spec (<code>webhook-id</code>, <code>webhook-timestamp</code>,{" "}
          <code>webhook-signature</code>). Failed deliveries are retried with backoff; an endpoint that keeps failing is
          turned off and the admins get an email.{" "}
          {privateTargetsAllowed()
            ? "This server may deliver to private and loopback addresses (a local receiver works)."
            : "Endpoints must be https URLs on public addresses."}{" "}
          <Link href="/docs/mcp#webhooks" className="text-indigo-600 underline">
            Verifying a signature
          </Link>
        </p>
      </div>

      <CreateWebhookForm events={events} />

      <section className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
        <table className="w-full text-sm" data-testid="webhooks">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-2">Endpoint</th>
              <th className="px-3 py-2">Events</th>
              <th className="px-3 py-2">State</th>
              <th className="px-3 py-2">Last delivery</th>
              <th className="px-3 py-2" />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {webhooks.map((w) => (
              <tr key={w.id} data-testid="webhook-row" data-enabled={w.enabled}>
                <td className="max-w-xs break-all px-3 py-2">
                  <span className="font-mono text-xs">{w.url}</span>
                  {w.description ? <span className="block text-xs text-slate-500">{w.description}</span> : null}
                </td>
                <td className="px-3 py-2 text-xs text-slate-600">{w.events.join(", ")}</td>
                <td className="px-3 py-2 text-xs">
                  {w.enabled ? (
                    <Badge tone="resolved">On</Badge>
                  ) : (
                    <span title={w.disabled_reason ?? undefined}>
                      <Badge tone="deactivated">Off</Badge>
                    </span>
                  )}
                </td>
                <td className="px-3 py-2 text-xs text-slate-600">
                  {w.last_delivery ? (
                    <>
                      {`${w.last_delivery.success ? "Delivered" : "Failed"}${w.last_delivery.response_status ? ` (HTTP ${w.last_delivery.response_status})` : ""}, `}
                      <TimeAgo date={w.last_delivery.at} />
                    </>
                  ) : (
                    "None yet"
                  )}
                </td>
                <td className="px-3 py-2 text-right">
                  <Link href={`/settings/webhooks/${w.id}`} className="text-indigo-600 hover:underline">
                    Deliveries and settings
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {webhooks.length === 0 ? <p className="p-4 text-center text-sm text-slate-500">No webhooks yet.</p> : null}
      </section>
    </div>
  );
}
