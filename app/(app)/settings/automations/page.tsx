import type { Metadata } from "next";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { listAutomations } from "@/lib/services/automations/list-automations";
import { listCompanies } from "@/lib/services/companies/list-companies";
import { listMacros } from "@/lib/services/macros/list-macros";
import { listTags } from "@/lib/services/tags/list-tags";
import { listTeams } from "@/lib/services/teams/list-teams";
import { listWebhooks } from "@/lib/services/webhooks/list-webhooks";
import { listAgents } from "@/lib/services/users/list-agents";
import { MAX_CHAIN_DEPTH } from "@/lib/validations/automations";
import { AutomationsClient } from "./page-client";

export const metadata: Metadata = { title: "Automations" };

export default async function AutomationsPage() {
  const { ctx } = await requireWorkspaceSession("admin", "/settings/automations");
  const [{ items }, teams, agents, tags, macros, companies, webhooks] = await Promise.all([
    listAutomations(ctx),
    listTeams(ctx),
    listAgents(ctx),
    listTags(ctx),
    listMacros(ctx),
    listCompanies(ctx, { limit: 100 }),
    listWebhooks(ctx),
  ]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">Automations</h1>
        <p className="mt-1 text-sm text-slate-600">
          When an event happens and every condition holds, a rule&apos;s actions run in order, as the system. Rules run
          top to bottom, each judging the ticket as the event found it. A rule never runs again on changes its own chain
          made, and chains stop {MAX_CHAIN_DEPTH} rules deep.
        </p>
      </div>
      <AutomationsClient
        rules={items}
        teams={teams.map((t) => ({ id: t.id, name: t.name }))}
        agents={agents.map((a) => ({ id: a.id, name: a.name }))}
        tags={tags.map((t) => t.name)}
        macros={macros.items.filter((m) => m.shared).map((m) => ({ id: m.id, name: m.name }))}
        companies={companies.items.map((c) => ({ id: c.id, name: c.name }))}
        webhooks={webhooks.map((w) => ({ id: w.id, name: w.description || w.url }))}
      />
    </div>
  );
}
