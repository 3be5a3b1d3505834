"use server";

import { revalidatePath } from "next/cache";
import { formToObject, runAction, type ActionState } from "@/lib/action-state";
import { requireActor } from "@/lib/auth/session";
import { createCompany } from "@/lib/services/companies/create-company";
import { updateCompany } from "@/lib/services/companies/update-company";
import type { CreateCompanyInput, UpdateCompanyInput } from "@/lib/validations/contacts";

export async function createCompanyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor();
    const company = await createCompany(ctx, formToObject(form) as CreateCompanyInput);
    revalidatePath("/companies");
    return { status: "ok", message: `${company.name} created.` };
  });
}

export async function updateCompanyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor();
    const input = formToObject(form) as UpdateCompanyInput;
    await updateCompany(ctx, input);
    revalidatePath(`/companies/${input.company_id}`);
    return { status: "ok", message: "Company saved." };
  });
}
