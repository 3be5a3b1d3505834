import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The MCP route authenticates bearer credentials only. Web sessions are checked
// against their registry whenever Auth.js reads one; this keeps that check (and
// its query) off every MCP request by proving the route never reaches it.

const ROOT = path.resolve(import.meta.dirname, "../..");
const IMPORT =
  /(?:^|\n)\s*(?:import|export)(?!\s+type\b)[^"']*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function resolve(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/")
    ? path.join(ROOT, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : null;
  if (!base) return null;
  const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}.mjs`, path.join(base, "index.ts")];
  return candidates.find((candidate) => statSync(candidate, { throwIfNoEntry: false })?.isFile()) ?? null;
}

/** Every project file the entry reaches through value imports (type-only imports vanish at build). */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of readFileSync(file, "utf8").matchAll(IMPORT)) {
      const next = resolve(file, match[1] ?? match[2]!);
      if (next && !seen.has(next)) queue.push(next);
    }
  }
  return seen;
}

describe("the MCP route", () => {
  it("is measured by a walk that does find the check from a web page", () => {
    const files = [...reachable(path.join(ROOT, "app/(app)/profile/security/page.tsx"))].map((f) =>
      path.relative(ROOT, f),
    );
    expect(files).toContain("lib/services/account/check-web-session.ts");
  });

  it("never reaches Auth.js or the web session registry", () => {
    const files = [...reachable(path.join(ROOT, "app/api/v1/mcp/route.ts"))].map((f) => path.relative(ROOT, f));
    expect(files.length).toBeGreaterThan(20);
    expect(files).toContain("lib/mcp/http.ts");
    expect(files).not.toContain("lib/auth/config.ts");
    expect(files).not.toContain("lib/auth/session.ts");
    expect(files).not.toContain("lib/services/account/check-web-session.ts");
  });
});
