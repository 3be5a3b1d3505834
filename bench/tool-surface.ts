// `npm run bench:tool-surface`: what tools/list costs a model's context on each surface, as a
// full-access owner sees it: tools, bytes and tokens (cl100k_base, input and output schemas
// included), for the default surface, each toolset, the read-only surface and everything.
import { getEncoding } from "js-tiktoken";
import { listToolsFor } from "@/lib/mcp/server";
import { DEFAULT_SURFACE, TOOLSETS, type Surface } from "@/lib/mcp/toolsets";

// Lists are built from the registry alone; the environment is read for APP_URL (the icons' origin),
// and a database is named only because the environment requires one.
process.env.DATABASE_URL ??= "postgresql://tool-surface.invalid/none";
const encoder = getEncoding("cl100k_base");
const owner = { scopes: ["mcp:read", "mcp:write"], role: "owner" as const, actsAsUser: true };
const all = [...TOOLSETS.keys()].sort();

function measure(label: string, surface: Surface) {
  const result = listToolsFor(owner, surface);
  const json = JSON.stringify(result);
  return { label, tools: result.tools.length, bytes: Buffer.byteLength(json), tokens: encoder.encode(json).length };
}

const rows = [
  measure("default", DEFAULT_SURFACE),
  ...all.map((name) => measure(`toolset ${name}`, { toolsets: [name], readonly: false })),
  measure("readonly (all toolsets)", { toolsets: all, readonly: true }),
  measure("all", { toolsets: all, readonly: false }),
];
const width = Math.max(...rows.map((row) => row.label.length));
console.log(`${"surface".padEnd(width)}  tools    bytes  tokens`);
for (const row of rows) {
  console.log(
    `${row.label.padEnd(width)}  ${String(row.tools).padStart(5)}  ${String(row.bytes).padStart(7)}  ${String(row.tokens).padStart(6)}`,
  );
}
const fullList = rows.at(-1)!;
const defaults = rows[0]!;
console.log(
  `default surface: ${defaults.tokens} tokens (goal < 8,000: ${defaults.tokens < 8000 ? "met" : "missed"}), ${(defaults.tokens / fullList.tokens).toFixed(2)} of the full list`,
);
