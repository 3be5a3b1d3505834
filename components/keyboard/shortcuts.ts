/** Every keyboard shortcut, as the "Keyboard shortcuts" dialog lists them. */
export type Shortcut = {
  /** Keys pressed together ("Ctrl", "K"), or one after another when `then` is set ("g" then "i"). */
  keys: string[];
  then?: boolean;
  description: string;
};

export const SHORTCUT_GROUPS: { title: string; shortcuts: Shortcut[] }[] = [
  {
    title: "Anywhere",
    shortcuts: [
      { keys: ["Ctrl", "K"], description: "Open the command palette (⌘K on a Mac)" },
      { keys: ["/"], description: "Focus the search box" },
      { keys: ["g", "i"], then: true, description: "Go to the inbox" },
      { keys: ["?"], description: "Show the keyboard shortcuts" },
      { keys: ["Esc"], description: "Close the palette or a dialog" },
    ],
  },
  {
    title: "Lists",
    shortcuts: [
      { keys: ["j"], description: "Move to the next item" },
      { keys: ["k"], description: "Move to the previous item" },
      { keys: ["Enter"], description: "Open the item" },
    ],
  },
  {
    title: "A ticket",
    shortcuts: [
      { keys: ["r"], description: "Reply to the customer" },
      { keys: ["n"], description: "Write an internal note" },
      { keys: ["Ctrl", "Enter"], description: "Send the reply or add the note being written" },
      { keys: ["a"], description: "Assign the ticket to me" },
      { keys: ["e"], description: "Resolve the ticket" },
    ],
  },
];

/** The keys a page may take for itself (the ticket page's r, n, a, e). */
export type PageKey = "r" | "n" | "a" | "e";

const TYPING_INPUTS = new Set([
  "text",
  "search",
  "email",
  "password",
  "number",
  "tel",
  "url",
  "date",
  "datetime-local",
  "month",
  "time",
  "week",
]);

/** True for a place where a key types or picks something, where single-key shortcuts stay out of the way. */
export function isEditable(target: EventTarget | null): boolean {
  if (!target || typeof target !== "object" || !("tagName" in target)) return false;
  const element = target as HTMLElement;
  const tag = String(element.tagName).toUpperCase();
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag === "INPUT") return TYPING_INPUTS.has(((element as HTMLInputElement).type || "text").toLowerCase());
  return element.isContentEditable === true;
}

/** The next index when moving `step` through `count` items from `current` (-1: none yet), stopping at the ends. */
export function stepIndex(current: number, step: 1 | -1, count: number): number {
  if (count === 0) return -1;
  if (current < 0) return step === 1 ? 0 : count - 1;
  return Math.min(count - 1, Math.max(0, current + step));
}
