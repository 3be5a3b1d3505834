import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CaseStatusBadge } from "@/components/case-status/case-status-badge";
import { SlaCountdown } from "@/components/sla/sla-countdown";
import { Badge } from "@/components/ui/badge";
import { requireWorkspaceSession } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { searchArticles } from "@/lib/services/knowledge/search-articles";
import { listCaseStatuses } from "@/lib/services/case-statuses/list-case-statuses";
import { signAttachmentUrl } from "@/lib/services/attachments/signed-url";
import { isInlineImage } from "@/lib/services/attachments/sniff";
import { getCsat } from "@/lib/services/csat/get-csat";
import { getTicketEmail } from "@/lib/services/email/ticket-email";
import { getTicket } from "@/lib/services/tickets/get-ticket";
import { listMacros } from "@/lib/services/macros/list-macros";
import { listSnippets } from "@/lib/services/snippets/list-snippets";
import { listTeams } from "@/lib/services/teams/list-teams";
import { listAgents } from "@/lib/services/users/list-agents";
import { TicketActions } from "./ticket-actions";
import { CsatPanel } from "./csat-panel";
import { EmailPanel } from "./email-panel";
import { Composer } from "./composer";
import { describeActivity } from "./describe-activity";
import { MacroApply } from "./macro-apply";
import { MessageAttachments } from "./message-attachments";
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
    ticket = await getTicket(ctx, { number: Number(number) });
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
  const [agents, teams, macros, snippets, published, caseStatuses, csat, email] = await Promise.all([
    listAgents(ctx),
    listTeams(ctx),
    listMacros(ctx),
    listSnippets(ctx),
    searchArticles(ctx, { status: "published", limit: 100 }),
    listCaseStatuses(ctx),
    getCsat(ctx, { ticket: ticket.number }),
    getTicketEmail(ctx, ticket.number),
  ]);
  const articles = published.items.map((a) => ({
    id: a.id,
    title: a.title,
    url: a.url ?? "",
    category: a.category?.name ?? null,
  }));

  return (
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
          </div>
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

        <ol className="space-y-3" data-testid="messages">
          {ticket.messages.map((m) => (
            <li
              key={m.id}
              data-kind={m.kind}
              className={`rounded-lg p-4 text-sm shadow-sm ring-1 ${m.kind === "note" ? "bg-amber-50 ring-amber-200" : m.authorType === "agent" ? "bg-indigo-50 ring-indigo-100" : "bg-white ring-slate-200"}`}
            >
              <div className="mb-1 flex justify-between text-xs text-slate-600">
                <span className="font-medium text-slate-700">
                  {m.authorType === "agent" ? m.authorUser?.name : m.authorContact?.name}
                  {m.kind === "note" ? " · internal note" : ""}
                  {m.via === "mcp" ? " · via MCP" : ""}
                </span>
                <time dateTime={m.createdAt.toISOString()}>
                  {m.createdAt.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}
                </time>
              </div>
              <p className="whitespace-pre-wrap text-slate-800">{m.body}</p>
              <MessageAttachments
                items={m.attachments.map((a) => ({
                  ...a,
                  href: signAttachmentUrl({ id: a.id, workspaceId: ctx.workspaceId }).path,
                  image: isInlineImage(a.contentType),
                }))}
              />
            </li>
          ))}
        </ol>

        <TicketShortcuts ticket={ticket.number} />
        <Composer
          ticket={ticket.number}
          articles={articles}
          snippets={snippets.items.map((s) => ({ id: s.id, shortcut: s.shortcut, name: s.name, body: s.body }))}
          values={{
            contact: ticket.contact ? { name: ticket.contact.name } : null,
            ticket: { number: ticket.number, subject: ticket.subject },
            agent: { name: user.name },
          }}
        />

        <section className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
          <h2 className="mb-2 text-sm font-semibold">Activity</h2>
          <ol className="space-y-1.5 text-sm" data-testid="activity">
            {ticket.activities.map((a) => (
              <li key={a.id} className="flex justify-between gap-4">
                <span>
                  <span className="font-medium">
                    {a.action === "csat_rated"
                      ? "Customer"
                      : (a.actor?.name ?? (a.credentialName ? `API key “${a.credentialName}”` : "System"))}
                  </span>{" "}
                  {describeActivity(a.action, a.changes)}
                  {a.via === "mcp" ? (
                    <span className="text-indigo-700">
                      {" "}
                      · via MCP{a.credentialName ? ` (${a.credentialName})` : ""}
                    </span>
                  ) : null}
                </span>
                <time className="shrink-0 text-xs text-slate-500" dateTime={a.createdAt.toISOString()}>
                  {a.createdAt.toLocaleString("en-GB", { dateStyle: "short", timeStyle: "short" })}
                </time>
              </li>
            ))}
          </ol>
        </section>
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
  );
}
