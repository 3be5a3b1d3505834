import type { Metadata } from "next";
import { StatusPage } from "@/components/app-shell/status-page";
import { getWorkspaceSession } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Page not found" };

/** Any unknown address: the way back is the ticket list when signed in, sign-in otherwise. */
export default async function NotFound() {
  const session = await getWorkspaceSession();
  return (
    <StatusPage
      code="404"
      title="Page not found"
      back={session ? { href: "/tickets", label: "Back to your tickets" } : { href: "/login", label: "Sign in" }}
    >
      <p>There is nothing at this address. It may have moved, or the link may be mistyped.</p>
    </StatusPage>
  );
}
