"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth/config";
import { getWorkspaceSession, WORKSPACE_COOKIE } from "@/lib/auth/session";

/** Makes another of the user's workspaces the active one. */
export async function switchWorkspaceAction(form: FormData) {
  const session = await getWorkspaceSession();
  if (!session) redirect("/login");
  const slug = String(form.get("workspace") ?? "");
  if (session.workspaces.some((w) => w.slug === slug)) {
    (await cookies()).set(WORKSPACE_COOKIE, slug, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: process.env.NODE_ENV === "production" && process.env.APP_URL?.startsWith("https://"),
    });
  }
  redirect("/tickets");
}

export async function signOutAction() {
  await signOut({ redirectTo: "/login" });
}
