type Change = { from?: unknown; to?: unknown };

/** One line of the ticket history, in words; a change a macro made names the macro. */
export function describeActivity(action: string, changes: unknown): string {
  const { macro, ...c } = (changes ?? {}) as Record<string, unknown>;
  const words = describeChange(action, c);
  const name = (macro as { name?: unknown } | undefined)?.name;
  return typeof name === "string" ? `${words} (macro “${name}”)` : words;
}

/** "tag refund", or "tags refund, vip". */
function tagWords(value: unknown): string {
  const tags = Array.isArray(value) ? value.map(String) : [];
  return `${tags.length === 1 ? "tag" : "tags"} ${tags.join(", ")}`.trim();
}

/** "Ann via Claude", from a draft's proposer and credential. */
function proposer(c: Record<string, unknown>): string {
  const who = typeof c.proposed_by === "string" ? c.proposed_by : "someone";
  return typeof c.credential === "string" ? `${who} via ${c.credential}` : who;
}

function describeChange(action: string, c: Record<string, unknown>): string {
  const change = (key: string) => c[key] as Change | undefined;
  const show = (v: unknown) => (v == null ? "nobody" : String(v));
  switch (action) {
    case "create":
      return c.follow_up_of ? `opened the ticket as a follow-up of #${String(c.follow_up_of)}` : "opened the ticket";
    case "reply":
      return "replied";
    case "note":
      return "added an internal note";
    case "draft_proposed":
      return "proposed a draft reply";
    case "draft_sent":
      return `sent the draft reply proposed by ${proposer(c)}${c.edited ? ", edited" : ""}`;
    case "draft_discarded":
      return `discarded the draft reply proposed by ${proposer(c)}`;
    case "reviewed":
      return "marked the conversation reviewed";
    case "assign": {
      const to = change("assignee")?.to;
      return to == null ? "unassigned the ticket" : `assigned it to ${show(to)}`;
    }
    case "auto_assign":
      return `auto-assigned it to ${show(change("assignee")?.to)} (round-robin in ${show(c.team)})`;
    case "transfer": {
      const to = change("team")?.to;
      return to == null ? "took it off its team" : `transferred it to ${show(to)}`;
    }
    case "tags_added":
      return `added ${tagWords(c.tags)}`;
    case "tags_removed":
      return `removed ${tagWords(c.tags)}`;
    case "resolve":
      return "resolved the ticket";
    case "reopen":
      return "reopened the ticket";
    case "status": {
      const parts: string[] = [];
      if (change("status")) parts.push(`status to ${show(change("status")?.to)}`);
      const sub = change("case_status");
      if (sub?.to != null) parts.push(`sub-status to ${show(sub.to)}`);
      const cleared = sub && sub.to == null ? ` (sub-status ${show(sub.from)} cleared)` : "";
      return parts.length ? `set ${parts.join(" and ")}${cleared}` : `cleared sub-status ${show(sub?.from)}`;
    }
    case "auto_close":
      return `closed automatically after ${String(c.after_days)} days with no reply`;
    case "follow_up":
      return `opened follow-up #${String(c.follow_up ?? "")}: the ticket was closed past its reopen window`;
    case "close":
      return "closed the ticket";
    case "csat_rated": {
      const rating = change("rating");
      const said = typeof c.comment === "string" && c.comment ? `: “${c.comment}”` : "";
      return rating?.from == null
        ? `rated ${show(rating?.to)}${said}`
        : rating.from === rating.to
          ? `changed the rating comment${said}`
          : `changed the rating from ${show(rating.from)} to ${show(rating.to)}${said}`;
    }
    case "attachment_added":
      return `attached ${show(c.filename)}`;
    case "csat_requested":
      return "sent a new rating link";
    case "customer_reply":
      return "replied by email";
    case "spam":
      return change("spam")?.to ? "marked it as spam" : "marked it as not spam";
    case "sla_policy": {
      const to = change("sla_policy")?.to;
      return to == null ? "took it off its SLA policy" : `put it under SLA policy ${show(to)}`;
    }
    case "sla_breach":
      return `flagged the ${c.target === "first_response" ? "first-response" : "resolution"} target as missed`;
    case "contact_merged":
      return `merged contact ${show(change("contact")?.from)} into ${show(change("contact")?.to)}`;
    case "update": {
      const parts = Object.entries(c).map(
        ([field, v]) => `${field} from ${show((v as Change).from)} to ${show((v as Change).to)}`,
      );
      return `changed ${parts.join(" and ")}`;
    }
    default:
      return action.replaceAll("_", " ");
  }
}
