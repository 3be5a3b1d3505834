import "server-only";
import type { ActorContext } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { checkToolAccess, type Caller, type ToolRefusal } from "@/lib/mcp/permissions";
import type { AnyTool } from "@/lib/mcp/tool";
import { TOOLS_BY_NAME } from "@/lib/mcp/tools";
import { toolsetOf, type Surface } from "@/lib/mcp/toolsets";

// Resources, prompts and completions read through the registry's read tools: the same service, the
// same input schema and the same permission check as tools/call, so a credential reads through a
// resource or a prompt exactly what it could read by calling the tool.

export function readTool(name: string): AnyTool {
  const tool = TOOLS_BY_NAME.get(name);
  if (!tool || !tool.annotations.readOnlyHint) throw new Error(`${name} is not a read tool of the registry`);
  return tool;
}

/** Null when the caller may use every tool named; otherwise the first refusal. */
export function accessTo(tools: readonly AnyTool[], caller: Caller): ToolRefusal | null {
  for (const tool of tools) {
    const refusal = checkToolAccess(tool, caller);
    if (refusal) return refusal;
  }
  return null;
}

/**
 * Whether a surface that chose toolsets includes the family of a resource or prompt (its first
 * tool's toolset). The default surface and read-only mode keep every resource and prompt: they are reads.
 */
export function surfaceIncludes(tool: AnyTool, surface: Surface): boolean {
  return surface.toolsets === null || surface.toolsets.includes(toolsetOf(tool));
}

/** Runs a read tool's handler on input validated by its own schema (a bad input is a validation error naming the field). */
export async function runRead<T = Record<string, unknown>>(
  ctx: ActorContext,
  tool: AnyTool,
  input: unknown,
): Promise<T> {
  return (await tool.handler(ctx, parseInput(tool.input, input))) as T;
}
