import { z } from "zod";

/** One argument of a tool, as the docs page lists it. */
export type ToolParameter = { name: string; type: string; required: boolean; description: string };

type JsonSchema = {
  type?: string | string[];
  description?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
};

/** Bounds past this are the integer limits of the storage, not something a person chooses. */
const MEANINGFUL_BOUND = 1_000_000;

function typeOf(schema: JsonSchema): string {
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return [...new Set(branches.map(typeOf))].join(" | ");
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : schema.type;
  if (type === "array") return `${schema.items ? typeOf(schema.items) : "any"}[]`;
  if (type === "string" && schema.format) return schema.format;
  return type ?? "any";
}

function range(min: number | undefined, max: number | undefined, unit: string): string | null {
  if (min !== undefined && max !== undefined && max < MEANINGFUL_BOUND) {
    return min === max ? `exactly ${max} ${unit}` : `${min}–${max} ${unit}`;
  }
  if (max !== undefined && max < MEANINGFUL_BOUND) return `up to ${max} ${unit}`;
  if (min !== undefined && min > 1) return `at least ${min} ${unit}`;
  return null;
}

/** What a person needs beyond the type: the schema's own description, allowed values, default, bounds. */
function describe(schema: JsonSchema): string {
  const parts: string[] = [];
  const branches = schema.anyOf ?? schema.oneOf;
  if (schema.description) parts.push(schema.description.replace(/\.$/, ""));
  if (schema.enum) parts.push(`one of ${schema.enum.map((v) => String(v)).join(", ")}`);
  if (schema.default !== undefined && !(Array.isArray(schema.default) && schema.default.length === 0)) {
    parts.push(`default ${JSON.stringify(schema.default)}`);
  }
  const text = range(schema.minLength, schema.maxLength, "characters");
  if (text) parts.push(text);
  const items = range(schema.minItems, schema.maxItems, "items");
  if (items) parts.push(items);
  if (schema.type === "integer" || schema.type === "number") {
    if (schema.exclusiveMinimum === 0 || schema.minimum === 1) parts.push("positive");
    else if (schema.minimum !== undefined && schema.minimum > -MEANINGFUL_BOUND)
      parts.push(`at least ${schema.minimum}`);
    if (schema.maximum !== undefined && schema.maximum < MEANINGFUL_BOUND) parts.push(`at most ${schema.maximum}`);
  }
  if (schema.type === "array" && schema.items?.enum) parts.push(`each one of ${schema.items.enum.join(", ")}`);
  if (schema.type === "object" && schema.properties) {
    parts.push(`fields: ${Object.keys(schema.properties).join(", ")}`);
  }
  if (branches && !schema.description) {
    const inner = branches.map(describe).filter(Boolean);
    if (inner.length === 1) parts.push(inner[0]!);
  }
  return parts.join("; ");
}

/** A tool's arguments from its input schema (the same zod schema tools/list publishes), in schema order. */
export function toolParameters(input: z.ZodType): ToolParameter[] {
  const schema = z.toJSONSchema(input, { io: "input", unrepresentable: "any" }) as JsonSchema;
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    type: typeOf(property),
    required: required.has(name),
    description: describe(property),
  }));
}
