"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth/config";
import { getWorkspaceSession, requireActor, setActiveWorkspace } from "@/lib/auth/session";
import { setMyStatus } from "@/lib/services/agent-status/set-my-status";
import type { SetMyStatusInput } from "@/lib/validations/agent-status";

/** Makes another of the user's workspaces the active one. */
export async function switchWorkspaceAction(form: FormData) {
  const session = await getWorkspaceSession();
  if (!session) redirect("/login");
  const slug = String(form.get("workspace") ?? "");
  if (session.workspaces.some((w) => w.slug === slug)) await setActiveWorkspace(slug);
  redirect("/tickets");
}

export async function signOutAction() {
  await signOut({ redirectTo: "/login" });
}

/** Sets the signed-in agent's status from the header menu; every page's header shows it. */
export async function setMyStatusAction(form: FormData) {
  const { ctx } = await requireActor();
  await setMyStatus(ctx, { status: String(form.get("status") ?? "") as SetMyStatusInput["status"] });
  revalidatePath("/", "layout");
}
