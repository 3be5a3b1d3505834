import type { MacroActions } from "@/lib/validations/macros";

type Option = { id: string; name: string };

/** One line per action, for the list and the ticket page's preview. */
export function describeMacroActions(actions: MacroActions, teams: Option[], agents: Option[]): string[] {
  const nameOf = (list: Option[], id: string) => list.find((o) => o.id === id)?.name ?? "a removed entry";
  const lines: string[] = [];
  if (actions.team) lines.push(`Team → ${nameOf(teams, actions.team)}`);
  if (actions.assignee)
    lines.push(
      `Assign → ${actions.assignee === "me" ? "me" : actions.assignee === "unassigned" ? "nobody" : nameOf(agents, actions.assignee)}`,
    );
  if (actions.priority) lines.push(`Priority → ${actions.priority}`);
  if (actions.add_tags?.length) lines.push(`Add tags ${actions.add_tags.join(", ")}`);
  if (actions.remove_tags?.length) lines.push(`Remove tags ${actions.remove_tags.join(", ")}`);
  if (actions.message) lines.push(actions.message.kind === "reply" ? "Reply to the customer" : "Internal note");
  if (actions.status) lines.push(`Status → ${actions.status}`);
  return lines;
}
