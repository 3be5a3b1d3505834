type Change = { from?: unknown; to?: unknown };

/** One line of the ticket history, in words. */
export function describeActivity(action: string, changes: unknown): string {
  const c = (changes ?? {}) as Record<string, unknown>;
  const change = (key: string) => c[key] as Change | undefined;
  const show = (v: unknown) => (v == null ? "nobody" : String(v));
  switch (action) {
    case "create":
      return "opened the ticket";
    case "reply":
      return "replied";
    case "note":
      return "added an internal note";
    case "assign":
      return `assigned it to ${show(change("assignee")?.to)}`;
    case "transfer":
      return `transferred it to ${show(change("team")?.to)}`;
    case "tags_added":
      return `added tags ${(c.tags as string[] | undefined)?.join(", ") ?? ""}`;
    case "tags_removed":
      return `removed tags ${(c.tags as string[] | undefined)?.join(", ") ?? ""}`;
    case "resolve":
      return "resolved the ticket";
    case "reopen":
      return "reopened the ticket";
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
