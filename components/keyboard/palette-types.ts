/** One record the command palette found: a ticket, a contact or an article. */
export type PaletteRecord = {
  kind: "ticket" | "contact" | "article";
  href: string;
  label: string;
  /** A short second line: the contact of a ticket, a contact's email, an article's status. */
  hint?: string;
};

/** The palette's record search (a server action): the recent tickets when the text is empty. */
export type PaletteSearch = (query: string) => Promise<PaletteRecord[]>;

/** A page the palette can go to. */
export type PalettePage = { href: string; label: string; settings: boolean };
