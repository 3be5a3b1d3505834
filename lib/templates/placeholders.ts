// The one placeholder renderer for macros and snippets. Pure (no server imports): the server
// renders macro replies with it, and the composer renders snippets with it in the browser.

/** Every placeholder a template may use, with what it stands for (shown in forms and docs). */
export const PLACEHOLDERS = {
  "contact.first_name": "the contact's first name",
  "contact.name": "the contact's full name",
  "ticket.number": "the ticket number",
  "ticket.subject": "the ticket subject",
  "agent.name": "your full name",
  "agent.first_name": "your first name",
} as const;

export type Placeholder = keyof typeof PLACEHOLDERS;
export const PLACEHOLDER_NAMES = Object.keys(PLACEHOLDERS) as Placeholder[];

/** What a template is rendered against; anything unknown (no contact, an org-level key) is null. */
export type PlaceholderValues = {
  contact: { name: string } | null;
  ticket: { number: number; subject: string } | null;
  agent: { name: string } | null;
};

// Used when a value is missing, so "Hi {{contact.first_name}}," still reads as a sentence.
const FALLBACKS: Record<Placeholder, string> = {
  "contact.first_name": "there",
  "contact.name": "there",
  "ticket.number": "",
  "ticket.subject": "",
  "agent.name": "The support team",
  "agent.first_name": "The support team",
};

const PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;

function isPlaceholder(name: string): name is Placeholder {
  return Object.prototype.hasOwnProperty.call(PLACEHOLDERS, name);
}

/** The placeholders a template names that do not exist (each once, in order). */
export function unknownPlaceholders(template: string): string[] {
  const unknown: string[] = [];
  for (const match of template.matchAll(PATTERN)) {
    const name = match[1]!;
    if (!isPlaceholder(name) && !unknown.includes(name)) unknown.push(name);
  }
  return unknown;
}

/** The sentence a form or tool shows for a template with unknown placeholders. */
export function unknownPlaceholderMessage(unknown: string[]): string {
  const list = unknown.map((name) => `{{${name}}}`).join(", ");
  return `unknown placeholder ${list}: use ${PLACEHOLDER_NAMES.map((n) => `{{${n}}}`).join(", ")}`;
}

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? "";

function valueOf(name: Placeholder, values: PlaceholderValues): string {
  switch (name) {
    case "contact.first_name":
      return values.contact ? firstName(values.contact.name) : "";
    case "contact.name":
      return values.contact?.name.trim() ?? "";
    case "ticket.number":
      return values.ticket ? String(values.ticket.number) : "";
    case "ticket.subject":
      return values.ticket?.subject ?? "";
    case "agent.name":
      return values.agent?.name.trim() ?? "";
    case "agent.first_name":
      return values.agent ? firstName(values.agent.name) : "";
  }
}

/** Fills every known placeholder (a fallback when its value is missing); unknown ones are left as written. */
export function renderTemplate(template: string, values: PlaceholderValues): string {
  return template.replace(PATTERN, (whole, name: string) => {
    if (!isPlaceholder(name)) return whole;
    return valueOf(name, values) || FALLBACKS[name];
  });
}
