import type { Metadata } from "next";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { getBusinessHours } from "@/lib/services/sla/get-business-hours";
import { listSlaPolicies } from "@/lib/services/sla/list-sla-policies";
import { listTeams } from "@/lib/services/teams/list-teams";
import { SlaClient } from "./sla-client";

export const metadata: Metadata = { title: "SLA policies" };

export default async function SlaPage() {
  const { ctx } = await requireWorkspaceSession("admin", "/settings/sla");
  const [policies, hours, teams] = await Promise.all([listSlaPolicies(ctx), getBusinessHours(ctx), listTeams(ctx)]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">SLA policies and business hours</h1>
        <p className="mt-1 text-sm text-slate-600">
          A ticket takes the most specific policy that matches it (team and tag, then team, then tag, then neither) and
          sets a target for its priority. Targets count business hours unless a policy counts every hour; the clock
          stops while a ticket is pending. Tickets take changes here at their next change.
        </p>
      </div>
      <SlaClient policies={policies} hours={hours} teams={teams.map((t) => ({ id: t.id, name: t.name }))} />
    </div>
  );
}
