import type { Metadata } from "next";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { getCaseWorkflow } from "@/lib/services/case-statuses/get-case-workflow";
import { listCaseStatuses } from "@/lib/services/case-statuses/list-case-statuses";
import { StatusesClient } from "./statuses-client";

export const metadata: Metadata = { title: "Statuses and workflow" };

export default async function StatusesPage() {
  const { ctx } = await requireWorkspaceSession("admin", "/settings/statuses");
  const [statuses, workflow] = await Promise.all([listCaseStatuses(ctx), getCaseWorkflow(ctx)]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">Statuses and workflow</h1>
        <p className="mt-1 text-sm text-slate-600">
          Sub-statuses refine the four base statuses (open, pending, resolved, closed): a ticket with a sub-status
          always has its base status, and moving a ticket to another base status clears it.
        </p>
      </div>
      <StatusesClient statuses={statuses} workflow={workflow} />
    </div>
  );
}
