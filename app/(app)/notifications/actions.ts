"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionState } from "@/lib/action-state";
import { requireActor } from "@/lib/auth/session";
import { markNotificationsRead } from "@/lib/services/notifications/mark-notifications-read";

/** Marks one of the signed-in agent's notifications read, or all of them when id is null. */
export async function markNotificationsReadAction(id: string | null): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor();
    const { marked } = await markNotificationsRead(ctx, id ? { ids: [id] } : { all: true });
    revalidatePath("/", "layout");
    return {
      status: "ok",
      message: marked === 1 ? "1 notification marked read." : `${marked} notifications marked read.`,
    };
  });
}
