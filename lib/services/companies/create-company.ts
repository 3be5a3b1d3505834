import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { auditRow } from "@/lib/services/audit/record-audit";
import { assertDomainsFree, assertNameFree, nameTaken } from "@/lib/services/companies/company-domains";
import { CreateCompanySchema, type CreateCompanyInput } from "@/lib/validations/contacts";

/** A company with its domains; contacts at those domains belong to it from now on. */
export async function createCompany(ctx: ActorContext, input: CreateCompanyInput) {
  const data = parseInput(CreateCompanySchema, input);
  try {
    return await prisma.$transaction(async (tx) => {
      await assertNameFree(tx, ctx, data.name);
      await assertDomainsFree(tx, ctx, data.domains);
      const company = await tx.company.create({
        data: { ...inWorkspace(ctx), name: data.name, domains: data.domains },
        select: { id: true, name: true, domains: true, createdAt: true },
      });
      await tx.auditEvent.create({
        data: auditRow(ctx, { action: "company.create", details: { company_id: company.id, domains: data.domains } }),
      });
      return {
        id: company.id,
        name: company.name,
        domains: company.domains,
        created_at: company.createdAt.toISOString(),
      };
    });
  } catch (error) {
    throw nameTaken(error) ?? error;
  }
}
