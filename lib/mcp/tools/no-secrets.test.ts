import { describe, expect, it } from "vitest";
import { z } from "zod";
import { TOOLS } from "@/lib/mcp/tools";

/** Every property name anywhere in a JSON schema. */
function propertyNames(schema: unknown): string[] {
  if (!schema || typeof schema !== "object") return [];
  const node = schema as Record<string, unknown>;
  const own = node.properties && typeof node.properties === "object" ? Object.keys(node.properties) : [];
  return [...own, ...Object.values(node).flatMap(propertyNames)];
}

describe("tool results and secrets", () => {
  it("no tool result carries a password, link or credential, except the key create_api_key exists to return, the webhook signing secret create and rotate show once, and the customer's CSAT rating link", () => {
    const carriers = TOOLS.flatMap((tool) =>
      propertyNames(z.toJSONSchema(tool.output, { io: "output", unrepresentable: "any" }))
        .filter((name) => /password|secret|token|link/i.test(name))
        .map((name) => `${tool.name}.${name}`),
    );
    // A CSAT link lets its holder rate one ticket and nothing else; until rating requests are mailed,
    // agents pass it on from the ticket or these tools (csat:read, csat:write).
    expect(carriers.sort()).toEqual([
      "create_api_key.secret",
      "create_webhook.secret",
      "get_csat.link",
      "rotate_webhook_secret.secret",
      "send_csat_request.link",
    ]);
  });
});
