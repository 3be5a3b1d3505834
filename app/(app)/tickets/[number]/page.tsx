import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CaseStatusBadge } from "@/components/case-status/case-status-badge";
import { LiveTicketProvider, TicketPresence } from "@/components/live/live-ticket";
import { SlaCountdown } from "@/components/sla/sla-countdown";
import { Badge } from "@/components/ui/badge";
import { TimeAgo } from "@/components/ui/time-ago";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { ticketVersion } from "@/lib/live/version";
import { searchArticles } from "@/lib/services/knowledge/search-articles";
import { listCaseStatuses } from "@/lib/services/case-statuses/list-case-statuses";
import { getCsat } from "@/lib/services/csat/get-csat";
import { getTicketEmail } from "@/lib/services/email/ticket-email";
import { listDraftReplies } from "@/lib/services/drafts/list-draft-replies";
import { findLockedTickets } from "@/lib/services/tickets/assert-not-locked-down";
import { getTicket } from "@/lib/services/tickets/get-ticket";
import { getTicketTimeline } from "@/lib/services/tickets/get-ticket-timeline";
import { listMacros } from "@/lib/services/macros/list-macros";
import { listSnippets } from "@/lib/services/snippets/list-snippets";
import { listTeams } from "@/lib/services/teams/list-teams";
import { listAgents } from "@/lib/services/users/list-agents";
import { TicketActions } from "./ticket-actions";
import { CsatPanel } from "./csat-panel";
import { EmailPanel } from "./email-panel";
import { Composer } from "./composer";
import { DraftReplies } from "./draft-replies";
import { ReviewBanner } from "./review-banner";
import { MacroApply } from "./macro-apply";
import { StatusControl } from "./status-control";
import { Timeline } from "./timeline";
import { TicketShortcuts } from "./ticket-shortcuts";

export async function generateMetadata({ params }: { params: Promise<{ number: string }> }): Promise<Metadata> {
  return { title: `Ticket #${(await params).number}` };
}

export default async function TicketPage({ params }: { params: Promise<{ number: string }> }) {
  const { number } = await params;
  const { ctx, user } = await requireWorkspaceSession("agent", `/tickets/${number}`);
  if (!/^\d{1,9}$/.test(number)) notFound();
  let ticket;
  try {
    ticket = await getTicket(ctx, { number: Number(number), messageLimit: 0, includeActivity: false });
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
  // Read before the rest: a change landing while the page is read makes the next poll refresh it.
  const version = await ticketVersion(ctx, ticket.number);
  const [timeline, agents, teams, macros, snippets, published, caseStatuses, csat, email, drafts, locked] =
    await Promise.all([
      getTicketTimeline(ctx, { ticket: ticket.number }),
      listAgents(ctx),
      listTeams(ctx),
      listMacros(ctx),
      listSnippets(ctx),
      searchArticles(ctx, { status: "published", limit: 100 }),
      listCaseStatuses(ctx),
      getCsat(ctx, { ticket: ticket.number }),
      getTicketEmail(ctx, ticket.number),
      listDraftReplies(ctx, { ticket: ticket.number }),
      findLockedTickets(ctx, [ticket.number]),
    ]);
  const newestMessage = timeline.entries.findLast((e) => e.type === "message");
  const articles = published.items.map((a) => ({
    id: a.id,
    title: a.title,
    url: a.url ?? "",
    category: a.category?.name ?? null,
  }));

  return (
    <LiveTicketProvider ticket={ticket.number} version={version ?? ""}>
      <div className="grid gap-6 lg:grid-cols-[1fr_320px]">
        <section className="min-w-0 space-y-4">
          <div>
            <Link href="/tickets" className="text-sm text-slate-500 hover:text-slate-800">
              ← Tickets
            </Link>
            <h1 className="mt-1 text-xl font-semibold">
              <span className="text-slate-500">#{ticket.number}</span> {ticket.subject}
            </h1>
            <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
              <Badge tone={ticket.status}>
                <span data-testid="ticket-status">{ticket.status}</span>
              </Badge>
              {ticket.caseStatus ? (
                <CaseStatusBadge name={ticket.caseStatus.name} color={ticket.caseStatus.color} />
              ) : null}
              <Badge tone={ticket.priority}>{ticket.priority}</Badge>
              <span className="text-slate-500">via {ticket.channel}</span>
              <span className="text-slate-500">
                · opened <TimeAgo date={ticket.createdAt} />
              </span>
            </div>
            <TicketPresence />
            <StatusControl ticket={ticket.number} status={ticket.status} />
            {ticket.followUpOf || ticket.followUps.length ? (
              <p className="mt-2 text-sm text-slate-600" data-testid="follow-ups">
                {ticket.followUpOf ? (
                  <>
                    Follows up{" "}
                    <Link href={`/tickets/${ticket.followUpOf.number}`} className="text-indigo-700 hover:underline">
                      #{ticket.followUpOf.number}
                    </Link>
                    .{" "}
                  </>
                ) : null}
                {ticket.followUps.length ? (
                  <>
                    Followed up in{" "}
                    {ticket.followUps.map((f, i) => (
                      <span key={f.number}>
                        {i ? ", " : ""}
                        <Link href={`/tickets/${f.number}`} className="text-indigo-700 hover:underline">
                          #{f.number}
                        </Link>
                      </span>
                    ))}
                    .
                  </>
                ) : null}
              </p>
            ) : null}
          </div>

          <Timeline timeline={timeline} workspaceId={ctx.workspaceId} />
          {locked.length ? <ReviewBanner ticket={ticket.number} /> : null}
          <DraftReplies ticket={ticket.number} drafts={drafts} />

          <TicketShortcuts ticket={ticket.number} />
          <Composer
            ticket={ticket.number}
            newestMessageId={newestMessage?.id ?? null}
            articles={articles}
            snippets={snippets.items.map((s) => ({ id: s.id, shortcut: s.shortcut, name: s.name, body: s.body }))}
            values={{
              contact: ticket.contact ? { name: ticket.contact.name } : null,
              ticket: { number: ticket.number, subject: ticket.subject },
              agent: { name: user.name },
            }}
          />
        </section>

        <aside className="min-w-0 space-y-4">
          {/* Fresh figures from the server start a fresh countdown. */}
          <SlaCountdown key={JSON.stringify(ticket.sla)} sla={ticket.sla} />
          <MacroApply ticket={ticket.number} macros={macros.items.map((m) => ({ id: m.id, name: m.name }))} />
          <section className="rounded-lg bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200">
            <h2 className="mb-2 font-semibold">Contact</h2>
            {ticket.contact ? (
              <div className="space-y-1 text-slate-700">
                <p className="font-medium">
                  <Link href={`/contacts/${ticket.contact.id}`} className="hover:text-indigo-700">
                    {ticket.contact.name}
                  </Link>
                </p>
                {ticket.contact.email ? <p>{ticket.contact.email}</p> : null}
                {ticket.contact.phone ? <p>{ticket.contact.phone}</p> : null}
                {ticket.contact.company ? <p className="text-slate-500">{ticket.contact.company}</p> : null}
              </div>
            ) : (
              <p className="text-slate-500">No contact</p>
            )}
          </section>
          <EmailPanel ticket={ticket.number} channel={ticket.channel} spam={email.spam} followers={email.followers} />
          <CsatPanel
            ticket={ticket.number}
            canRequest={ticket.status === "resolved" || ticket.status === "closed"}
            rating={csat.rating}
            request={csat.requests[0] ?? null}
          />
          <TicketActions
            ticket={{
              number: ticket.number,
              status: ticket.status,
              caseStatusId: ticket.caseStatus?.id ?? "",
              priority: ticket.priority,
              assigneeId: ticket.assignee?.id ?? "",
              teamId: ticket.team?.id ?? "",
              tags: ticket.tags.map((t) => t.name),
            }}
            agents={agents.map((a) => ({ id: a.id, name: a.name }))}
            teams={teams.map((t) => ({ id: t.id, name: t.name }))}
            caseStatuses={caseStatuses}
          />
        </aside>
      </div>
    </LiveTicketProvider>
  );
}
