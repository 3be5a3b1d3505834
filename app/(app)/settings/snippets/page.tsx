import type { Metadata } from "next";
import { roleAtLeast } from "@/lib/auth/roles";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { listSnippets } from "@/lib/services/snippets/list-snippets";
import { PLACEHOLDERS } from "@/lib/templates/placeholders";
import { SnippetsClient } from "./page-client";

export const metadata: Metadata = { title: "Snippets" };

export default async function SnippetsPage() {
  const { ctx, role } = await requireWorkspaceSession("agent", "/settings/snippets");
  const { items } = await listSnippets(ctx);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">Snippets</h1>
        <p className="text-sm text-slate-600">
          Short texts you reuse in replies and notes. In a ticket&apos;s composer, type <code>;</code> and the start of
          a shortcut to insert one.
        </p>
      </div>
      <SnippetsClient
        snippets={items}
        canShare={roleAtLeast(role, "admin")}
        placeholders={Object.keys(PLACEHOLDERS).map((name) => `{{${name}}}`)}
      />
    </div>
  );
}
