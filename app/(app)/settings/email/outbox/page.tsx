import type { Metadata } from "next";
import Link from "next/link";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { listOutbox } from "@/lib/services/email/outbox";
import { TimeAgo } from "@/components/ui/time-ago";

export const metadata: Metadata = { title: "Mailbox" };

/** The dev mailbox: every mail the workspace sent, newest first; on the embedded default nothing leaves. */
export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const { before } = await searchParams;
  const { ctx } = await requireWorkspaceSession("admin", "/settings/email/outbox");
  const page = await listOutbox(ctx, { before });
  return (
    <div className="space-y-4">
      <div>
        <Link href="/settings/email" className="text-sm text-slate-500 hover:text-slate-800">
          ← Email
        </Link>
        <h1 className="mt-1 text-xl font-semibold">Mailbox</h1>
        <p className="text-sm text-slate-600">
          Mail the workspace sent, newest first. Without SMTP_URL it stays here instead of leaving.
        </p>
      </div>
      <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
        <table className="w-full text-left text-sm" data-testid="outbox">
          <thead className="bg-slate-50 text-xs uppercase text-slate-500">
            <tr>
              <th className="px-3 py-2">To</th>
              <th className="px-3 py-2">Subject</th>
              <th className="px-3 py-2">Kind</th>
              <th className="px-3 py-2">Status</th>
              <th className="px-3 py-2">Queued</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {page.items.map((m) => (
              <tr key={m.id} data-testid="outbox-row">
                <td className="px-3 py-2">{[...m.to, ...m.cc].join(", ")}</td>
                <td className="px-3 py-2">
                  <Link href={`/settings/email/outbox/${m.id}`} className="text-indigo-700 hover:underline">
                    {m.subject}
                  </Link>
                  {m.ticket ? <span className="ml-1 text-xs text-slate-500">#{m.ticket}</span> : null}
                </td>
                <td className="px-3 py-2 text-slate-600">{m.purpose.replaceAll("_", " ")}</td>
                <td className="px-3 py-2 text-slate-600">
                  {m.status}
                  {m.transport ? ` · ${m.transport}` : ""}
                </td>
                <td className="px-3 py-2 text-xs text-slate-500">
                  <TimeAgo date={m.createdAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {page.items.length === 0 ? <p className="p-6 text-center text-sm text-slate-500">No mail yet.</p> : null}
      </div>
      {page.next ? (
        <Link href={`/settings/email/outbox?before=${page.next}`} className="text-sm text-indigo-700 hover:underline">
          Older mail →
        </Link>
      ) : null}
    </div>
  );
}
