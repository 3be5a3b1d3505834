"use server";

import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth/config";
import { getWorkspaceSession, setActiveWorkspace } from "@/lib/auth/session";

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
