import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { listWebhookDeliveries } from "@/lib/services/webhooks/list-webhook-deliveries";
import { listWebhooks } from "@/lib/services/webhooks/list-webhooks";
import { Badge } from "@/components/ui/badge";
import { Pager } from "@/components/ui/pager";
import { DeliveryLog, WebhookControls } from "./webhook-client";
import { TimeAgo } from "@/components/ui/time-ago";

export const metadata: Metadata = { title: "Webhook" };

export default async function WebhookPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ cursor?: string }>;
}) {
  const { id } = await params;
  const { cursor } = await searchParams;
  const { ctx } = await requireWorkspaceSession("admin", `/settings/webhooks/${id}`);
  const webhook = (await listWebhooks(ctx)).find((w) => w.id === id);
  if (!webhook) notFound();
  const deliveries = await listWebhookDeliveries(ctx, { webhook: id, limit: 25, cursor }).catch((error: unknown) => {
    // An edited cursor starts the log over rather than failing the page.
    if (error instanceof AppError && error.code === "validation_error")
      return listWebhookDeliveries(ctx, { webhook: id, limit: 25 });
    throw error;
  });
  return (
    <div className="space-y-6">
      <div>
        <Link href="/settings/webhooks" className="text-sm text-indigo-600 hover:underline">
          ← Webhooks
        </Link>
        <h1 className="mt-1 break-all font-mono text-lg font-semibold">{webhook.url}</h1>
        <p className="text-sm text-slate-600">
          {webhook.description ? `${webhook.description} · ` : ""}
          {webhook.events.join(", ")} · created <TimeAgo date={webhook.created_at} />
          {webhook.created_by ? ` by ${webhook.created_by.name}` : ""}
        </p>
        <p className="mt-1 text-sm" data-testid="webhook-state">
          {webhook.enabled ? (
            <Badge tone="resolved">On</Badge>
          ) : (
            <>
              <Badge tone="deactivated">Off</Badge> <span className="text-slate-600">{webhook.disabled_reason}</span>
            </>
          )}
          {webhook.consecutive_failures > 0 ? (
            <span className="ml-2 text-xs text-rose-700">{webhook.consecutive_failures} failed attempts in a row</span>
          ) : null}
          {webhook.rotation_overlap_until ? (
            <span className="ml-2 text-xs text-slate-600">
              Also signed with the previous secret until <TimeAgo date={webhook.rotation_overlap_until} mode="exact" />
            </span>
          ) : null}
        </p>
      </div>
      <WebhookControls id={webhook.id} url={webhook.url} enabled={webhook.enabled} />
      <section className="space-y-2">
        <h2 className="font-semibold">Delivery log</h2>
        <DeliveryLog deliveries={deliveries.items} canResend={webhook.enabled} />
        <Pager
          firstHref={cursor ? `/settings/webhooks/${webhook.id}` : null}
          nextHref={
            deliveries.next_cursor
              ? `/settings/webhooks/${webhook.id}?cursor=${encodeURIComponent(deliveries.next_cursor)}`
              : null
          }
        />
      </section>
    </div>
  );
}
