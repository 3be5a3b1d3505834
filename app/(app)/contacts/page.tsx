import type { Metadata } from "next";
import Link from "next/link";
import { Pager } from "@/components/ui/pager";
import { INPUT_CLASS } from "@/components/ui/field";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { searchContacts, type ContactRow } from "@/lib/services/contacts/search-contacts";
import type { Page } from "@/lib/validations/common";

export const metadata: Metadata = { title: "Contacts" };

type Search = Record<string, string | undefined>;

/** Contacts alphabetically, searched by name, any email or company, a page at a time. */
export default async function ContactsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const { ctx } = await requireWorkspaceSession("agent", "/contacts");
  let page: Page<ContactRow> | null = null;
  let error: string | null = null;
  try {
    page = await searchContacts(ctx, { q: params.q, cursor: params.cursor, limit: 25 });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    error = e.message;
  }
  const query: Record<string, string> = params.q ? { q: params.q } : {};
  const nextHref = page?.next_cursor
    ? `/contacts?${new URLSearchParams({ ...query, cursor: page.next_cursor })}`
    : null;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-semibold">Contacts</h1>
        <Link
          href="/tickets/new"
          className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
        >
          New ticket
        </Link>
      </div>
      <form method="get" role="search" className="flex gap-2 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
        <input
          name="q"
          defaultValue={params.q}
          placeholder="Name, email or company"
          aria-label="Search contacts"
          className={INPUT_CLASS}
        />
        <button
          type="submit"
          className="shrink-0 rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
        >
          Search
        </button>
      </form>
      {error ? (
        <p role="alert" className="rounded-md bg-rose-50 p-3 text-sm text-rose-700">
          {error}
        </p>
      ) : null}
      {page ? (
        <div className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <ul className="divide-y divide-slate-100" data-testid="contact-list">
            {page.items.map((c) => (
              <li
                key={c.id}
                className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5 px-3 py-2 text-sm"
                data-testid="contact-row"
                data-list-item
              >
                <Link href={`/contacts/${c.id}`} className="font-medium text-slate-900 hover:text-indigo-700">
                  {c.name}
                </Link>
                {c.email ? <span className="min-w-0 break-all text-slate-600">{c.email}</span> : null}
                {c.company ? <span className="text-xs text-slate-500">{c.company}</span> : null}
              </li>
            ))}
          </ul>
          {page.items.length === 0 ? (
            <p className="p-6 text-center text-sm text-slate-500">No contacts match.</p>
          ) : null}
          <Pager firstHref={params.cursor ? `/contacts?${new URLSearchParams(query)}` : null} nextHref={nextHref} />
        </div>
      ) : null}
    </div>
  );
}
