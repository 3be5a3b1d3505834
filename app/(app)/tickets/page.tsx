import type { Metadata } from "next";
import Link from "next/link";
import { LiveListProvider } from "@/components/live/live-list";
import { Pager } from "@/components/ui/pager";
import { INPUT_CLASS } from "@/components/ui/field";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { ticketListVersion } from "@/lib/live/version";
import { listTickets } from "@/lib/services/tickets/list-tickets";
import { countTickets, describeCount } from "@/lib/services/tickets/count-tickets";
import { listTags } from "@/lib/services/tags/list-tags";
import { listTeams } from "@/lib/services/teams/list-teams";
import { listAgents } from "@/lib/services/users/list-agents";
import { listViews } from "@/lib/services/views/list-views";
import { listCaseStatuses } from "@/lib/services/case-statuses/list-case-statuses";
import { TICKET_PRIORITIES, TICKET_STATUSES } from "@/lib/validations/tickets";
import { TicketTable } from "./ticket-table";
import { ViewsPanel } from "./views-panel";

const SORTS: [string, string][] = [
  ["created", "Newest"],
  ["priority", "Priority"],
  ["relevance", "Best match"],
];

export const metadata: Metadata = { title: "Tickets" };

type Search = Record<string, string | undefined>;

export default async function TicketsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const { ctx } = await requireWorkspaceSession("agent", "/tickets");
  // Read before the rows: a change landing while they are read makes the next poll refresh them.
  const version = await ticketListVersion(ctx);
  const [agents, teams, tags, views, caseStatuses] = await Promise.all([
    listAgents(ctx),
    listTeams(ctx),
    listTags(ctx),
    listViews(ctx),
    listCaseStatuses(ctx),
  ]);
  let page: Awaited<ReturnType<typeof listTickets>> | null = null;
  let count: Awaited<ReturnType<typeof countTickets>> | null = null;
  let error: string | null = null;
  try {
    // The address carries text; booleans are read here, never guessed by the schema.
    const { include_notes: notes, view: _view, ...filters } = params;
    const input = {
      ...filters,
      include_notes: notes === "false" ? false : notes === "true" || notes === undefined ? true : (notes as never),
      limit: params.limit ?? 25,
    };
    [page, count] = await Promise.all([listTickets(ctx, input), countTickets(ctx, input)]);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    error = e.message;
  }
  const filters = {
    q: params.q,
    status: params.status,
    case_status: params.case_status,
    priority: params.priority,
    assignee: params.assignee,
    team: params.team,
    tag: params.tag,
    contact: params.contact,
    sla: params.sla,
    created_after: params.created_after,
    created_before: params.created_before,
    spam: params.spam,
    sort: params.sort,
  };
  const current = Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, string>;
  const nextHref = page?.next_cursor
    ? `/tickets?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)), cursor: page.next_cursor } as Record<string, string>)}`
    : null;
  const firstHref = `/tickets?${new URLSearchParams(Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, string>)}`;

  return (
    <div className="grid min-w-0 gap-4 md:grid-cols-[14rem_minmax(0,1fr)]">
      <ViewsPanel views={views} current={current} activeId={params.view} />
      <div className="min-w-0 space-y-4">
        <div className="flex flex-wrap items-baseline gap-3">
          <h1 className="text-xl font-semibold">{params.spam === "only" ? "Spam" : "Tickets"}</h1>
          {count ? (
            <p className="text-sm text-slate-500" data-testid="ticket-count">
              {describeCount(count)}
            </p>
          ) : null}
          <Link
            href={params.spam === "only" ? "/tickets" : "/tickets?spam=only"}
            className="ml-auto rounded-md px-3 py-1.5 text-sm text-slate-600 hover:bg-slate-100"
            data-testid="spam-view-link"
          >
            {params.spam === "only" ? "Back to the inbox" : "Spam"}
          </Link>
          <Link
            href="/tickets/new"
            className=" rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
          >
            New ticket
          </Link>
        </div>
        <form
          method="get"
          className="grid grid-cols-2 gap-2 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200 md:grid-cols-10"
          role="search"
        >
          {params.spam ? <input type="hidden" name="spam" value={params.spam} /> : null}
          <input
            name="q"
            defaultValue={params.q}
            placeholder='Search: words, "a phrase", OR, -word, #1042, email…'
            aria-label="Search"
            className={`${INPUT_CLASS} col-span-2`}
          />
          <Select name="status" label="Status" value={params.status} options={TICKET_STATUSES.map((s) => [s, s])} />
          {caseStatuses.length ? (
            <Select
              name="case_status"
              label="Sub-status"
              value={params.case_status}
              options={caseStatuses.map((s) => [s.id, `${s.base_status} › ${s.name}`])}
            />
          ) : null}
          <Select
            name="priority"
            label="Priority"
            value={params.priority}
            options={TICKET_PRIORITIES.map((p) => [p, p])}
          />
          <Select
            name="assignee"
            label="Assignee"
            value={params.assignee}
            options={[
              ["me", "Me"],
              ["unassigned", "Unassigned"],
              ...agents.map((a) => [a.id, a.name] as [string, string]),
            ]}
          />
          <Select name="team" label="Team" value={params.team} options={teams.map((t) => [t.id, t.name])} />
          <Select name="tag" label="Tag" value={params.tag} options={tags.map((t) => [t.name, t.name])} />
          <Select
            name="sla"
            label="SLA"
            value={params.sla}
            options={[
              ["breached", "Breached"],
              ["due_1h", "Due within 1 h"],
            ]}
          />
          <select name="sort" defaultValue={params.sort ?? ""} aria-label="Sort" className={INPUT_CLASS}>
            <option value="">Sort: latest activity</option>
            {SORTS.map(([v, text]) => (
              <option key={v} value={v}>
                Sort: {text}
              </option>
            ))}
          </select>
          <div className="col-span-2 flex gap-2 md:col-span-10">
            <button
              type="submit"
              className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
            >
              Apply filters
            </button>
            <Link href="/tickets" className="rounded-md px-3 py-1.5 text-sm text-slate-600 hover:bg-slate-100">
              Clear
            </Link>
          </div>
        </form>

        {error ? (
          <p role="alert" className="rounded-md bg-rose-50 p-3 text-sm text-rose-700">
            {error}
          </p>
        ) : null}

        {page ? (
          <div className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
            <LiveListProvider tickets={page.items.map((t) => t.number)} version={version}>
              <TicketTable tickets={page.items} agents={agents} teams={teams} />
            </LiveListProvider>
            {page.items.length === 0 ? (
              <p className="p-6 text-center text-sm text-slate-500">No tickets match these filters.</p>
            ) : null}
            <Pager firstHref={params.cursor ? firstHref : null} nextHref={nextHref} />
          </div>
        ) : null}
      </div>
    </div>
  );
}

function Select({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value?: string;
  options: [string, string][];
}) {
  return (
    <select name={name} defaultValue={value ?? ""} aria-label={label} className={`${INPUT_CLASS} capitalize`}>
      <option value="">{label}: any</option>
      {options.map(([v, text]) => (
        <option key={v} value={v}>
          {text}
        </option>
      ))}
    </select>
  );
}
