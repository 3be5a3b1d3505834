import { TimeAgo } from "@/components/ui/time-ago";
import { signAttachmentUrl } from "@/lib/services/attachments/signed-url";
import { isInlineImage } from "@/lib/services/attachments/sniff";
import type { TicketTimeline } from "@/lib/services/tickets/get-ticket-timeline";
import { describeActivity } from "./describe-activity";
import { MessageAttachments } from "./message-attachments";

type Entry = TicketTimeline["entries"][number];
type ActivityEntry = Extract<Entry, { type: "activity" }>;
type MessageEntry = Extract<Entry, { type: "message" }>;

/** Who did it, as the line names them: the customer rates; a key without a user speaks as the key. */
function actorOf(a: ActivityEntry["activity"]): string {
  if (a.action === "csat_rated") return "Customer";
  return a.actor?.name ?? (a.credentialName ? `API key “${a.credentialName}”` : "System");
}

function ViaMcp({ credential }: { credential: string | null }) {
  return <span className="text-indigo-700"> · via MCP{credential ? ` (${credential})` : ""}</span>;
}

function MessageItem({ entry, workspaceId }: { entry: MessageEntry; workspaceId: string }) {
  const m = entry.message;
  const tone =
    m.kind === "note"
      ? "bg-amber-50 ring-amber-200"
      : m.authorType === "agent"
        ? "bg-indigo-50 ring-indigo-100"
        : "bg-white ring-slate-200";
  return (
    <li data-entry="message" data-kind={m.kind} className={`rounded-lg p-4 text-sm shadow-sm ring-1 ${tone}`}>
      <div className="mb-1 flex justify-between gap-4 text-xs text-slate-600">
        <span>
          <span className="font-medium text-slate-700">
            {m.authorType === "agent" ? m.authorUser?.name : m.authorContact?.name}
          </span>
          {m.kind === "note" ? " · internal note" : ""}
          {m.via === "mcp" ? <ViaMcp credential={entry.credentialName} /> : null}
          {entry.status ? ` · set status to ${entry.status.to}` : ""}
        </span>
        <TimeAgo date={m.createdAt} className="shrink-0" />
      </div>
      <p className="whitespace-pre-wrap text-slate-800">{m.body}</p>
      <MessageAttachments
        items={m.attachments.map((a) => ({
          ...a,
          href: signAttachmentUrl({ id: a.id, workspaceId }).path,
          image: isInlineImage(a.contentType),
        }))}
      />
    </li>
  );
}

function ActivityItem({ entry }: { entry: ActivityEntry }) {
  const a = entry.activity;
  return (
    <li data-entry="activity" data-action={a.action} className="flex items-baseline gap-2 px-4 text-xs text-slate-600">
      <span aria-hidden className="text-slate-300">
        ●
      </span>
      <span className="min-w-0 flex-1">
        <span className="font-medium text-slate-700">{actorOf(a)}</span> {describeActivity(a.action, a.changes)}
        {a.via === "mcp" ? <ViaMcp credential={a.credentialName} /> : null}
      </span>
      <TimeAgo date={a.createdAt} className="shrink-0 text-slate-500" />
    </li>
  );
}

/** The ticket's conversation and history in one list, oldest first. */
export function Timeline({ timeline, workspaceId }: { timeline: TicketTimeline; workspaceId: string }) {
  return (
    <ol className="space-y-3" data-testid="timeline" aria-label="Conversation and history">
      {timeline.truncated ? (
        <li className="px-4 text-xs text-slate-500">Older messages and history are not shown.</li>
      ) : null}
      {timeline.entries.map((entry) =>
        entry.type === "message" ? (
          <MessageItem key={entry.id} entry={entry} workspaceId={workspaceId} />
        ) : (
          <ActivityItem key={entry.id} entry={entry} />
        ),
      )}
    </ol>
  );
}
