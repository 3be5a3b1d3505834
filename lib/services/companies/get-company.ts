import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { notFound, parseInput } from "@/lib/errors";
import { atDomains } from "@/lib/services/companies/company-members";
import { countContacts } from "@/lib/services/companies/list-companies";
import { GetCompanySchema, type GetCompanyInput } from "@/lib/validations/contacts";

/** How many contacts and tickets a company answer carries; the counts say how many there are in all. */
const CONTACTS_SHOWN = 50;
const TICKETS_SHOWN = 25;

/** A company with its contacts (grouped by email domain) and their most recently updated tickets. */
export async function getCompany(ctx: ActorContext, input: GetCompanyInput) {
  const { company_id } = parseInput(GetCompanySchema, input);
  const company = await prisma.company.findFirst({
    where: { ...inWorkspace(ctx), id: company_id },
    select: { id: true, name: true, domains: true, createdAt: true, updatedAt: true },
  });
  if (!company) throw notFound("Company");
  const ids = company.domains.length
    ? await prisma.$queryRaw<{ id: string }[]>`
        SELECT c."id" FROM "public"."Contact" c
         WHERE c."workspaceId" = ${ctx.workspaceId} AND ${atDomains(company.domains)}`
    : [];
  const contactIds = ids.map((r) => r.id);
  const [contacts, contactCount, tickets, ticketCount] = await Promise.all([
    prisma.contact.findMany({
      where: { ...inWorkspace(ctx), id: { in: contactIds } },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: CONTACTS_SHOWN,
      select: { id: true, name: true, email: true, phone: true, company: true },
    }),
    countContacts(ctx, company.domains),
    prisma.ticket.findMany({
      where: { ...inWorkspace(ctx), contactId: { in: contactIds } },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: TICKETS_SHOWN,
      select: {
        number: true,
        subject: true,
        status: true,
        priority: true,
        updatedAt: true,
        contact: { select: { id: true, name: true } },
      },
    }),
    prisma.ticket.count({ where: { ...inWorkspace(ctx), contactId: { in: contactIds } } }),
  ]);
  return {
    id: company.id,
    name: company.name,
    domains: company.domains,
    created_at: company.createdAt.toISOString(),
    updated_at: company.updatedAt.toISOString(),
    contact_count: contactCount,
    contacts,
    ticket_count: ticketCount,
    recent_tickets: tickets.map((t) => ({
      number: t.number,
      subject: t.subject,
      status: t.status,
      priority: t.priority,
      contact: t.contact,
      updated_at: t.updatedAt.toISOString(),
    })),
  };
}
