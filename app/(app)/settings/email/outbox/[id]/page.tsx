import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getOutboxMessage } from "@/lib/services/email/outbox";

export const metadata: Metadata = { title: "Mail" };

/** One sent mail as a mail client shows it: headers, the text part, and the HTML part in a sandbox. */
export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { ctx } = await requireWorkspaceSession("admin", `/settings/email/outbox/${id}`);
  let mail;
  try {
    mail = await getOutboxMessage(ctx, id);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
  const rows: [string, string][] = [
    ["From", mail.fromAddress],
    ["To", mail.to.join(", ")],
    ...(mail.cc.length ? ([["Cc", mail.cc.join(", ")]] as [string, string][]) : []),
    ["Subject", mail.subject],
    ["Message-ID", `<${mail.messageId}>`],
    ...Object.entries(mail.headers),
    ["Status", `${mail.status}${mail.transport ? ` (${mail.transport})` : ""}${mail.error ? `: ${mail.error}` : ""}`],
    ["Date", (mail.sentAt ?? mail.createdAt).toUTCString()],
  ];
  return (
    <div className="space-y-4">
      <div>
        <Link href="/settings/email/outbox" className="text-sm text-slate-500 hover:text-slate-800">
          ← Mailbox
        </Link>
        <h1 className="mt-1 text-xl font-semibold">{mail.subject}</h1>
        {mail.ticket ? (
          <Link href={`/tickets/${mail.ticket}`} className="text-sm text-indigo-700 hover:underline">
            Ticket #{mail.ticket}
          </Link>
        ) : null}
      </div>
      <dl
        className="grid grid-cols-[8rem_minmax(0,1fr)] gap-x-3 gap-y-1 rounded-lg bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200"
        data-testid="mail-headers"
      >
        {rows.map(([name, value]) => (
          <div key={name} className="contents" data-header={name}>
            <dt className="font-medium text-slate-500">{name}</dt>
            <dd className="break-all font-mono text-xs leading-5">{value}</dd>
          </div>
        ))}
      </dl>
      <section className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 className="mb-2 text-sm font-semibold">Text</h2>
        <pre className="whitespace-pre-wrap text-sm" data-testid="mail-text">
          {mail.text}
        </pre>
      </section>
      {mail.html ? (
        <section className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
          <h2 className="mb-2 text-sm font-semibold">HTML</h2>
          {/* An empty sandbox: no scripts, no forms, no same-origin access, whatever the mail holds. */}
          <iframe
            title="HTML part"
            sandbox=""
            srcDoc={mail.html}
            className="h-80 w-full rounded border border-slate-200"
            data-testid="mail-html"
          />
        </section>
      ) : null}
      {mail.raw ? (
        <details className="rounded-lg bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200">
          <summary className="cursor-pointer font-semibold">Raw message</summary>
          <pre className="mt-2 overflow-x-auto whitespace-pre text-xs">{mail.raw}</pre>
        </details>
      ) : null}
    </div>
  );
}
