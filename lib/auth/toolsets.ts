import { SCOPE_FAMILIES, type ScopeFamily } from "@/lib/auth/scopes";

// Toolsets are named after the scope families they serve; a few small families ride with the family
// they work beside. A client chooses toolsets per connection (lib/mcp/toolsets.ts), and a key or an
// OAuth consent can be limited to some of them for good. This table needs no tool registry, so forms,
// schemas and the consent screen read it as they read the scope table.

/** Scope families served inside another family's toolset. */
const FAMILY_TOOLSET: Readonly<Partial<Record<ScopeFamily, string>>> = {
  tags: "tickets",
  bulk: "tickets",
  "case-statuses": "tickets",
  snippets: "macros",
  audit: "analytics",
  users: "admin",
  teams: "admin",
  status: "admin",
  "api-keys": "admin",
  settings: "admin",
  "case-workflows": "admin",
  channels: "email",
};

/** The toolset that serves a scope family. */
export function toolsetOfFamily(family: string): string {
  return FAMILY_TOOLSET[family as ScopeFamily] ?? family;
}

/** Every toolset, in scope-table order. */
export const TOOLSET_NAMES: readonly string[] = [
  ...new Set((Object.keys(SCOPE_FAMILIES) as ScopeFamily[]).map(toolsetOfFamily)),
];

/** What a toolset holds, in words: the labels of the scope families it serves. */
export function describeToolset(toolset: string): string {
  return (Object.keys(SCOPE_FAMILIES) as ScopeFamily[])
    .filter((family) => toolsetOfFamily(family) === toolset)
    .map((family) => SCOPE_FAMILIES[family].label)
    .join(", ");
}

/** Orders and de-duplicates a toolset list for storage and comparison; empty means every toolset. */
export function normalizeToolsets(toolsets: Iterable<string>): string[] {
  const set = new Set(toolsets);
  return TOOLSET_NAMES.filter((name) => set.has(name));
}
