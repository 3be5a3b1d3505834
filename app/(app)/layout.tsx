import { requireWorkspaceSession } from "@/lib/auth/session";
import { AppShell } from "./app-shell";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const session = await requireWorkspaceSession();
  return <AppShell session={session}>{children}</AppShell>;
}
