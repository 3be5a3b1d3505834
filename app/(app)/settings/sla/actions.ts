"use server";

import { revalidatePath } from "next/cache";
import { formToObject, runAction, type ActionState } from "@/lib/action-state";
import { requireActor } from "@/lib/auth/session";
import { WEEKDAYS } from "@/lib/services/sla/business-hours";
import { createSlaPolicy } from "@/lib/services/sla/create-sla-policy";
import { deleteSlaPolicy } from "@/lib/services/sla/delete-sla-policy";
import { updateBusinessHours } from "@/lib/services/sla/update-business-hours";
import { updateSlaPolicy } from "@/lib/services/sla/update-sla-policy";
import { TICKET_PRIORITIES } from "@/lib/validations/tickets";
import type {
  CreateSlaPolicyInput,
  SlaPolicyRefInput,
  UpdateBusinessHoursInput,
  UpdateSlaPolicyInput,
} from "@/lib/validations/sla";

function done(message: string): ActionState {
  revalidatePath("/settings/sla");
  return { status: "ok", message };
}

/** The policy form's fields as the tool's input: one row of minute boxes per priority. */
function policyInput(form: FormData) {
  const raw = formToObject(form);
  const targets: Record<string, unknown> = {};
  for (const p of TICKET_PRIORITIES) {
    const first = raw[`${p}.first_response_minutes`];
    const resolution = raw[`${p}.resolution_minutes`];
    if (first || resolution)
      targets[p] = { first_response_minutes: first || null, resolution_minutes: resolution || null };
  }
  return {
    name: raw.name,
    team: raw.team ?? null,
    tag: raw.tag ?? null,
    targets,
    business_hours: raw.business_hours === "on",
    position: raw.position,
  };
}

export async function createSlaPolicyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    const created = await createSlaPolicy(ctx, policyInput(form) as CreateSlaPolicyInput);
    return done(`Added “${created.name}”.`);
  });
}

export async function updateSlaPolicyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    const updated = await updateSlaPolicy(ctx, {
      sla_policy: form.get("sla_policy"),
      ...policyInput(form),
    } as UpdateSlaPolicyInput);
    return done(`Saved “${updated.name}”.`);
  });
}

export async function deleteSlaPolicyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    const deleted = await deleteSlaPolicy(ctx, formToObject(form) as SlaPolicyRefInput);
    return done(`Deleted “${deleted.name}”.`);
  });
}

export async function updateBusinessHoursAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    const raw = formToObject(form);
    const weekly = Object.fromEntries(
      WEEKDAYS.map((d) => [
        d,
        raw[`${d}.open`] === "on"
          ? [{ start: String(raw[`${d}.start`] ?? ""), end: String(raw[`${d}.end`] ?? "") }]
          : [],
      ]),
    );
    const holidays = String(raw.holidays ?? "")
      .split(/[\s,]+/)
      .filter(Boolean);
    await updateBusinessHours(ctx, { time_zone: raw.time_zone, weekly, holidays } as UpdateBusinessHoursInput);
    return done("Business hours saved.");
  });
}
