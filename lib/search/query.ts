/**
 * What a person typed in a search box, read into the parts the engine matches
 * separately. Pure, so it is unit-tested without a database.
 */
export type ParsedQuery = {
  /** The text for websearch_to_tsquery: words, "phrases", OR, -exclusions. */
  text: string;
  /** #1042 or 1042: also matches that ticket number exactly. */
  number: number | null;
  /** An email address: also matches the contact with exactly that email. */
  email: string | null;
  /**
   * Words for the prefix and typo fallback, tried only when the exact query
   * finds nothing; empty when the query has a phrase or an exclusion, which
   * the fallback must never loosen.
   */
  fuzzyTerms: string[];
  /** The whole query for trigram similarity on contact names and emails ("" when not allowed). */
  fuzzyText: string;
};

const MAX_FUZZY_TERMS = 8;
const EMAIL = /^[^\s@"]+@[^\s@"]+\.[^\s@"]+$/;
const TICKET_NUMBER = /^#?(\d{1,9})$/;

export function parseQuery(raw: string): ParsedQuery | null {
  const q = raw.trim().replace(/\s+/g, " ");
  if (!q) return null;
  const numberMatch = TICKET_NUMBER.exec(q);
  const number = numberMatch ? Number(numberMatch[1]) : null;
  const email = EMAIL.test(q) ? q.toLowerCase() : null;
  // websearch_to_tsquery would read "#1042" as the word 1042 anyway; strip the mark for clarity.
  const text = numberMatch ? numberMatch[1]! : q;
  const strict = q.includes('"') || /(^|\s)-\S/.test(q);
  const words = strict ? [] : (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const fuzzyTerms = [...new Set(words.filter((w) => w !== "or"))].slice(0, MAX_FUZZY_TERMS);
  const fuzzyText = !strict && number === null && q.length >= 3 ? q.toLowerCase() : "";
  return { text, number, email, fuzzyTerms: number === null ? fuzzyTerms : [], fuzzyText };
}

/**
 * The prefix tsquery source for the fallback: each word as a prefix, all
 * required. Words are letters and digits only, so nothing in it is syntax.
 */
export function prefixQuerySource(terms: string[]): string | null {
  return terms.length ? terms.map((t) => `${t}:*`).join(" & ") : null;
}

export const MARK_START = "<mark>";
export const MARK_END = "</mark>";

export type SnippetPart = { text: string; match: boolean };

/** Splits a snippet with <mark> markers into parts a page renders as text, never as HTML. */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let rest = snippet;
  while (rest) {
    const start = rest.indexOf(MARK_START);
    if (start < 0) {
      parts.push({ text: rest, match: false });
      break;
    }
    const end = rest.indexOf(MARK_END, start + MARK_START.length);
    if (end < 0) {
      parts.push({ text: rest.replace(MARK_START, ""), match: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), match: false });
    parts.push({ text: rest.slice(start + MARK_START.length, end), match: true });
    rest = rest.slice(end + MARK_END.length);
  }
  return parts.filter((p) => p.text);
}
