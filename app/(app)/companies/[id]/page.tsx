import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TicketRows } from "@/components/contacts/ticket-rows";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getCompany } from "@/lib/services/companies/get-company";
import { CompanyForm } from "../company-form";

export const metadata: Metadata = { title: "Company" };

/** One company: its domains, the contacts at them and those contacts' recent tickets. */
export default async function CompanyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { ctx } = await requireWorkspaceSession("agent", `/companies/${id}`);
  let company: Awaited<ReturnType<typeof getCompany>>;
  try {
    company = await getCompany(ctx, { company_id: id });
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <Link href="/companies" className="text-sm text-indigo-700 hover:underline">
          ← Companies
        </Link>
        <h1 className="break-words text-xl font-semibold" data-testid="company-name">
          {company.name}
        </h1>
        <p className="break-all text-sm text-slate-600">{company.domains.join(", ") || "No domains yet"}</p>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <section className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <h2 className="border-b border-slate-100 px-3 py-2 font-semibold">Contacts ({company.contact_count})</h2>
          <ul className="divide-y divide-slate-100" data-testid="company-contacts">
            {company.contacts.map((c) => (
              <li key={c.id} className="flex flex-wrap items-baseline gap-x-3 px-3 py-2 text-sm">
                <Link href={`/contacts/${c.id}`} className="font-medium text-slate-900 hover:text-indigo-700">
                  {c.name}
                </Link>
                <span className="min-w-0 break-all text-slate-600">{c.email}</span>
              </li>
            ))}
          </ul>
          {company.contacts.length === 0 ? (
            <p className="p-4 text-center text-sm text-slate-500">No contacts at these domains yet.</p>
          ) : null}
        </section>
        <section className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <h2 className="border-b border-slate-100 px-3 py-2 font-semibold">Tickets ({company.ticket_count})</h2>
          <TicketRows tickets={company.recent_tickets} empty="No tickets yet." />
        </section>
      </div>
      <CompanyForm company={company} />
    </div>
  );
}
