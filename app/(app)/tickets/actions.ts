"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionState } from "@/lib/action-state";
import { requireActor } from "@/lib/auth/session";
import { bulkUpdateTickets } from "@/lib/services/tickets/bulk-update-tickets";
import { createView } from "@/lib/services/views/create-view";
import { deleteView } from "@/lib/services/views/delete-view";
import { updateView } from "@/lib/services/views/update-view";
import { ViewFiltersSchema } from "@/lib/validations/views";

const FILTER_FIELDS = Object.keys(ViewFiltersSchema.shape);

/** The filters a form carries as hidden fields (the list's address parameters). */
function filtersOf(form: FormData) {
  const filters: Record<string, string> = {};
  for (const key of FILTER_FIELDS) {
    const value = form.get(`filter_${key}`);
    if (typeof value === "string" && value !== "") filters[key] = value;
  }
  return filters;
}

/** Applies one change set to the selected tickets; an empty choice means "leave as it is". */
export async function bulkUpdateAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor();
    const changes: Record<string, string> = {};
    for (const key of ["status", "priority", "assignee", "team", "add_tags", "remove_tags"]) {
      const value = form.get(key);
      if (typeof value === "string" && value.trim() !== "") changes[key] = value;
    }
    const result = await bulkUpdateTickets(ctx, { tickets: form.getAll("tickets").map(String), changes });
    revalidatePath("/tickets");
    const parts = [`${result.done} changed`, `${result.unchanged} unchanged`, `${result.refused} refused`];
    return {
      status: result.refused > 0 ? "error" : "ok",
      message: parts.join(", ") + ".",
      data: { results: result.results },
    };
  });
}

export async function createViewAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor();
    const view = await createView(ctx, {
      name: String(form.get("name") ?? ""),
      visibility: String(form.get("visibility") ?? "") as "personal",
      filters: filtersOf(form),
    });
    revalidatePath("/tickets");
    return { status: "ok", message: `Saved “${view.name}”.` };
  });
}

export async function updateViewFiltersAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor();
    const view = await updateView(ctx, { view_id: String(form.get("view_id") ?? ""), filters: filtersOf(form) });
    revalidatePath("/tickets");
    return { status: "ok", message: `“${view.name}” now uses these filters.` };
  });
}

export async function deleteViewAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor();
    const view = await deleteView(ctx, { view_id: String(form.get("view_id") ?? "") });
    revalidatePath("/tickets");
    return { status: "ok", message: `Deleted “${view.name}”.` };
  });
}
