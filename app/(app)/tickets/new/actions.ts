"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formToObject, runAction, type ActionState } from "@/lib/action-state";
import { requireActor } from "@/lib/auth/session";
import { createTicket } from "@/lib/services/tickets/create-ticket";
import type { CreateTicketInput } from "@/lib/validations/tickets";

/** Opens a ticket on a contact's behalf (the create_ticket tool's schema), then shows it. */
export async function createTicketAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const state = await runAction(async () => {
    const { ctx } = await requireActor();
    const input = { ...formToObject(form), channel: "web" } as CreateTicketInput;
    const ticket = await createTicket(ctx, input);
    revalidatePath("/tickets");
    return { status: "ok", data: { ticket: ticket.ticket } };
  });
  if (state.status === "ok") redirect(`/tickets/${String(state.data?.ticket)}`);
  return state;
}
