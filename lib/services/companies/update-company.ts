import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { notFound, parseInput } from "@/lib/errors";
import { auditRow } from "@/lib/services/audit/record-audit";
import { assertDomainsFree, assertNameFree, nameTaken } from "@/lib/services/companies/company-domains";
import { UpdateCompanySchema, type UpdateCompanyInput } from "@/lib/validations/contacts";

/** Renames a company or replaces its domains (the list given is the whole new list). */
export async function updateCompany(ctx: ActorContext, input: UpdateCompanyInput) {
  const data = parseInput(UpdateCompanySchema, input);
  try {
    return await prisma.$transaction(async (tx) => {
      const company = await tx.company.findFirst({
        where: { ...inWorkspace(ctx), id: data.company_id },
        select: { id: true, name: true, domains: true },
      });
      if (!company) throw notFound("Company");
      if (data.name) await assertNameFree(tx, ctx, data.name, company.id);
      if (data.domains) await assertDomainsFree(tx, ctx, data.domains, company.id);
      const updated = await tx.company.update({
        where: { id: company.id },
        data: { name: data.name, domains: data.domains },
        select: { id: true, name: true, domains: true, updatedAt: true },
      });
      await tx.auditEvent.create({
        data: auditRow(ctx, {
          action: "company.update",
          details: {
            company_id: company.id,
            ...(data.name !== undefined ? { name: { from: company.name, to: updated.name } } : {}),
            ...(data.domains ? { domains: { from: company.domains, to: updated.domains } } : {}),
          },
        }),
      });
      return {
        id: updated.id,
        name: updated.name,
        domains: updated.domains,
        updated_at: updated.updatedAt.toISOString(),
      };
    });
  } catch (error) {
    throw nameTaken(error) ?? error;
  }
}
