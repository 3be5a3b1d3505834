import type { Metadata } from "next";
import Link from "next/link";
import { Pager } from "@/components/ui/pager";
import { notFound } from "next/navigation";
import { TicketRows } from "@/components/contacts/ticket-rows";
import { INPUT_CLASS } from "@/components/ui/field";
import { RevokeForm } from "@/components/ui/revoke-form";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getContact } from "@/lib/services/contacts/get-contact";
import { searchContacts } from "@/lib/services/contacts/search-contacts";
import { listTickets } from "@/lib/services/tickets/list-tickets";
import { mergeContactsAction } from "../actions";
import { ContactForm } from "./contact-form";

export const metadata: Metadata = { title: "Contact" };

type Params = { id: string };
type Search = Record<string, string | undefined>;

/** One contact: addresses, company, tickets (paged), edit, and merging a duplicate into them. */
export default async function ContactPage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<Search>;
}) {
  const { id } = await params;
  const query = await searchParams;
  const { ctx } = await requireWorkspaceSession("agent", `/contacts/${id}`);
  let contact: Awaited<ReturnType<typeof getContact>>;
  try {
    contact = await getContact(ctx, { contact_id: id });
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
  const tickets = await listTickets(ctx, { contact: id, limit: 25, cursor: query.cursor }).catch((e: unknown) => {
    if (e instanceof AppError) return null;
    throw e;
  });
  const duplicates = query.duplicate
    ? (await searchContacts(ctx, { q: query.duplicate, limit: 10 })).items.filter((c) => c.id !== id)
    : null;
  const nextHref = tickets?.next_cursor
    ? `/contacts/${id}?${new URLSearchParams({ cursor: tickets.next_cursor })}`
    : null;

  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <Link href="/contacts" className="text-sm text-indigo-700 hover:underline">
          ← Contacts
        </Link>
        <h1 className="break-words text-xl font-semibold" data-testid="contact-name">
          {contact.name}
        </h1>
        {query.merged ? (
          <p role="status" className="text-sm text-emerald-700">
            Contacts merged.
          </p>
        ) : null}
      </div>
      <div className="grid gap-4 lg:grid-cols-[1fr_22rem]">
        <section className="space-y-4">
          <div className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
            <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-3 py-2">
              <h2 className="font-semibold">Tickets ({contact.ticket_count})</h2>
              <Link
                href={`/tickets/new?${new URLSearchParams({ contact_email: contact.email ?? "" })}`}
                className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
              >
                New ticket
              </Link>
            </div>
            <TicketRows
              tickets={(tickets?.items ?? []).map((t) => ({ ...t, contact: null }))}
              empty="No tickets yet."
            />
            {nextHref || query.cursor ? (
              <Pager firstHref={query.cursor ? `/contacts/${id}` : null} nextHref={nextHref} />
            ) : null}
          </div>
          <ContactForm contact={contact} />
        </section>
        <aside className="space-y-4">
          <section className="rounded-lg bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200">
            <h2 className="mb-2 font-semibold">Email addresses</h2>
            <ul className="space-y-1 text-slate-700" data-testid="contact-emails">
              {contact.emails.map((email, i) => (
                <li key={email} className="break-all">
                  {email}
                  {i === 0 && contact.email ? <span className="text-xs text-slate-500"> · main</span> : null}
                </li>
              ))}
            </ul>
            {contact.phone ? <p className="mt-2 text-slate-700">{contact.phone}</p> : null}
            <p className="mt-2 text-slate-700">
              Company:{" "}
              {contact.matched_company ? (
                <Link href={`/companies/${contact.matched_company.id}`} className="text-indigo-700 hover:underline">
                  {contact.matched_company.name}
                </Link>
              ) : (
                <span className="text-slate-500">{contact.company ?? "none"}</span>
              )}
            </p>
          </section>
          <section className="space-y-2 rounded-lg bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200">
            <h2 className="font-semibold">Merge a duplicate into this contact</h2>
            <form method="get" className="flex gap-2" role="search">
              <input
                name="duplicate"
                defaultValue={query.duplicate}
                placeholder="Duplicate's name or email"
                aria-label="Find a duplicate"
                className={INPUT_CLASS}
              />
              <button
                type="submit"
                className="shrink-0 rounded-md px-3 py-1.5 text-sm ring-1 ring-slate-300 hover:bg-slate-50"
              >
                Find
              </button>
            </form>
            {duplicates ? (
              duplicates.length ? (
                <ul className="space-y-2" data-testid="duplicate-candidates">
                  {duplicates.map((d) => (
                    <li key={d.id} className="space-y-1">
                      <p className="break-all">
                        <span className="font-medium">{d.name}</span> {d.email}
                      </p>
                      <RevokeForm
                        action={mergeContactsAction}
                        field="merge_contact_id"
                        value={d.id}
                        extra={{ keep_contact_id: contact.id }}
                        verb="Merge"
                        label={d.name}
                        consequence={`${d.name}'s tickets move to ${contact.name}, their email addresses are kept on ${contact.name}, and ${d.name} is deleted.`}
                      />
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-slate-500">No other contact matches.</p>
              )
            ) : null}
          </section>
        </aside>
      </div>
    </div>
  );
}
