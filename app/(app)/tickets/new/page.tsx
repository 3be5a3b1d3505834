import type { Metadata } from "next";
import Link from "next/link";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { searchContacts } from "@/lib/services/contacts/search-contacts";
import { listTeams } from "@/lib/services/teams/list-teams";
import { NewTicketForm } from "./new-ticket-form";

export const metadata: Metadata = { title: "New ticket" };

/** Opening a ticket on a contact's behalf (a phone call, a walk-in, a forwarded mail). */
export default async function NewTicketPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const params = await searchParams;
  const { ctx } = await requireWorkspaceSession("agent", "/tickets/new");
  const [teams, contacts] = await Promise.all([listTeams(ctx), searchContacts(ctx, { limit: 100 })]);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div className="space-y-1">
        <Link href="/tickets" className="text-sm text-indigo-700 hover:underline">
          ← Tickets
        </Link>
        <h1 className="text-xl font-semibold">New ticket</h1>
      </div>
      <NewTicketForm
        contactEmail={params.contact_email}
        teams={teams.map((t) => ({ id: t.id, name: t.name }))}
        contacts={contacts.items.flatMap((c) => (c.email ? [{ name: c.name, email: c.email }] : []))}
      />
    </div>
  );
}
