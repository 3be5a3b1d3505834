// Mention parsing: pure, so the note's text and the workspace's agents decide who is mentioned.

export type MentionableAgent = { id: string; name: string; email: string };

/** The `@handles` in a text: letters, digits, dots, dashes and underscores after an @ not inside a word or address. */
export function mentionHandles(text: string): string[] {
  const handles = new Set<string>();
  for (const match of text.matchAll(/(^|[^\p{L}\p{N}_.@-])@([\p{L}\p{N}][\p{L}\p{N}._-]*)/gu)) {
    handles.add(match[2]!.replace(/[._-]+$/, "").toLocaleLowerCase());
  }
  return [...handles];
}

const squash = (s: string) => s.toLocaleLowerCase().replace(/[\s._-]+/g, "");

/**
 * The agents a text mentions. A handle names an agent by full name written without spaces or with
 * dots (`@mayapatel`, `@maya.patel`), by first name (`@maya`) or by the local part of their email
 * address; a handle that fits more than one agent by first name alone mentions none of them.
 */
export function findMentionedAgents<A extends MentionableAgent>(text: string, agents: readonly A[]): A[] {
  const found = new Map<string, A>();
  for (const handle of mentionHandles(text)) {
    const key = squash(handle);
    const exact = agents.filter(
      (a) =>
        squash(a.name) === key ||
        squash(a.email.split("@")[0] ?? "") === key ||
        a.email.split("@")[0]?.toLocaleLowerCase() === handle,
    );
    const byFirst = agents.filter((a) => squash(a.name.split(/\s+/)[0] ?? "") === key);
    const hits = exact.length > 0 ? exact : byFirst.length === 1 ? byFirst : [];
    for (const agent of hits) found.set(agent.id, agent);
  }
  return [...found.values()];
}
