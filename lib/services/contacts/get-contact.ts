import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { notFound, parseInput } from "@/lib/errors";
import { domainsOf } from "@/lib/services/companies/company-members";
import { GetContactSchema, type GetContactInput } from "@/lib/validations/contacts";

/** A contact with every address, the company their domain belongs to and their ten most recent tickets. */
export async function getContact(ctx: ActorContext, input: GetContactInput) {
  const { contact_id } = parseInput(GetContactSchema, input);
  const contact = await prisma.contact.findFirst({
    where: { ...inWorkspace(ctx), id: contact_id },
    select: {
      id: true,
      name: true,
      email: true,
      phone: true,
      company: true,
      createdAt: true,
      updatedAt: true,
      emails: { orderBy: { email: "asc" }, select: { email: true } },
      _count: { select: { tickets: true } },
      tickets: {
        orderBy: { updatedAt: "desc" },
        take: 10,
        select: { number: true, subject: true, status: true, updatedAt: true },
      },
    },
  });
  if (!contact) throw notFound("Contact");
  const emails = [contact.email, ...contact.emails.map((e) => e.email)].filter((e): e is string => e !== null);
  const domains = domainsOf(emails);
  const matchedCompany = domains.length
    ? await prisma.company.findFirst({
        where: { ...inWorkspace(ctx), domains: { hasSome: domains } },
        orderBy: { name: "asc" },
        select: { id: true, name: true },
      })
    : null;
  return {
    id: contact.id,
    name: contact.name,
    email: contact.email,
    phone: contact.phone,
    company: contact.company,
    emails,
    matched_company: matchedCompany,
    created_at: contact.createdAt.toISOString(),
    updated_at: contact.updatedAt.toISOString(),
    ticket_count: contact._count.tickets,
    recent_tickets: contact.tickets.map((t) => ({
      number: t.number,
      subject: t.subject,
      status: t.status,
      updated_at: t.updatedAt.toISOString(),
    })),
  };
}
