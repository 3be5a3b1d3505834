import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { TimeAgo } from "@/components/ui/time-ago";

export type TicketRowItem = {
  number: number;
  subject: string;
  status: string;
  priority?: string;
  updated_at: string;
  contact?: { id: string; name: string } | null;
};

/** Tickets as stacked rows that wrap on a phone (no table, so nothing scrolls sideways). */
export function TicketRows({ tickets, empty }: { tickets: TicketRowItem[]; empty: string }) {
  if (tickets.length === 0) return <p className="p-4 text-center text-sm text-slate-500">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-100" data-testid="ticket-rows">
      {tickets.map((t) => (
        <li key={t.number} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm">
          <span className="text-slate-500">#{t.number}</span>
          <Link
            href={`/tickets/${t.number}`}
            className="min-w-0 flex-1 break-words font-medium text-slate-900 hover:text-indigo-700"
          >
            {t.subject}
          </Link>
          <Badge tone={t.status}>{t.status}</Badge>
          {t.priority ? <Badge tone={t.priority}>{t.priority}</Badge> : null}
          {t.contact ? (
            <Link href={`/contacts/${t.contact.id}`} className="text-xs text-slate-500 hover:text-indigo-700">
              {t.contact.name}
            </Link>
          ) : null}
          <TimeAgo date={t.updated_at} className="text-xs text-slate-500" />
        </li>
      ))}
    </ul>
  );
}
