import type { Metadata } from "next";
import Link from "next/link";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { getEmailChannel } from "@/lib/services/email/email-channel";
import { ChannelForm } from "./channel-form";

export const metadata: Metadata = { title: "Email" };

export default async function EmailSettingsPage() {
  const { ctx, workspace } = await requireWorkspaceSession("admin", "/settings/email");
  const channel = await getEmailChannel(ctx);
  return (
    <div className="max-w-2xl space-y-4">
      <div className="flex items-baseline gap-3">
        <h1 className="text-xl font-semibold">Email</h1>
        <Link href="/settings/email/outbox" className="ml-auto text-sm text-indigo-700 hover:underline">
          Mailbox (sent mail) →
        </Link>
      </div>
      <section className="space-y-1 rounded-lg bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200">
        <h2 className="font-semibold">Inbound</h2>
        <p>
          Mail sent to <code data-testid="inbound-address">{channel.inbound_address}</code> opens a ticket in{" "}
          {workspace.name}; customers&apos; answers thread back through each ticket&apos;s reply address (
          <code>{channel.reply_address_format}</code>).
        </p>
        <p className="text-slate-600">
          {channel.inbound_smtp
            ? `The SMTP receiver listens on ${channel.inbound_smtp}.`
            : "No SMTP receiver runs here (set INBOUND_SMTP_PORT)."}{" "}
          {channel.mailgun_inbound ? "Mailgun inbound routes post to /api/v1/inbound/mailgun." : null}
        </p>
        <p className="text-slate-600">
          Outgoing mail is{" "}
          {channel.dkim ? "DKIM-signed" : "not DKIM-signed (set DKIM_PRIVATE_KEY, DKIM_SELECTOR and DKIM_DOMAIN)"}.
        </p>
      </section>
      <ChannelForm
        enabled={channel.enabled}
        senderName={channel.sender_name ?? ""}
        senderAddress={channel.sender_address ?? ""}
        defaults={{ name: workspace.name, address: channel.inbound_address }}
      />
    </div>
  );
}
