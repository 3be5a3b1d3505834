import "server-only";
import {
  ProtocolError,
  ProtocolErrorCode,
  type CompleteRequest,
  type CompleteResult,
} from "@modelcontextprotocol/server";
import type { ActorContext } from "@/lib/context";
import type { Caller } from "@/lib/mcp/permissions";
import { promptArgumentKind, type CompletionKind } from "@/lib/mcp/prompts";
import { accessTo, readTool } from "@/lib/mcp/reads";
import { templateOf } from "@/lib/mcp/resources";
import type { AnyTool } from "@/lib/mcp/tool";
import type { Surface } from "@/lib/mcp/toolsets";
import {
  completeAgentNames,
  completeArticleSlugs,
  completeMacroNames,
  completeTagNames,
  completeTeamNames,
} from "@/lib/services/completions/complete-names";
import { completeTicketNumbers, type Completion } from "@/lib/services/completions/complete-ticket-numbers";

// completion/complete for prompt arguments and resource-template variables. Each kind of value is
// offered only to a caller that could list it through its tool (no values, not an error, otherwise).

const COMPLETERS: Record<
  CompletionKind,
  { tool: AnyTool; complete: (ctx: ActorContext, value: string) => Promise<Completion> }
> = {
  ticket: { tool: readTool("search_tickets"), complete: completeTicketNumbers },
  tag: { tool: readTool("list_tags"), complete: completeTagNames },
  agent: { tool: readTool("list_agents"), complete: completeAgentNames },
  team: { tool: readTool("list_teams"), complete: completeTeamNames },
  macro: { tool: readTool("list_macros"), complete: completeMacroNames },
  article: { tool: readTool("search_knowledge"), complete: completeArticleSlugs },
};

/** The template variables that complete; contact and view ids are looked up, not typed. */
const TEMPLATE_VARIABLES: Record<string, CompletionKind> = { number: "ticket", article: "article" };

const NOTHING: CompleteResult = { completion: { values: [], hasMore: false } };

export async function complete(
  ctx: ActorContext,
  caller: Caller,
  surface: Surface,
  params: CompleteRequest["params"],
): Promise<CompleteResult> {
  const { ref, argument } = params;
  let kind: CompletionKind | null;
  if (ref.type === "ref/prompt") {
    const found = await promptArgumentKind(ctx, caller, surface, ref.name, argument.name);
    if (found === "unknown_prompt") {
      throw new ProtocolError(
        ProtocolErrorCode.InvalidParams,
        `Unknown prompt: ${ref.name}. Call prompts/list for the prompts this credential can use.`,
      );
    }
    kind = found;
  } else {
    if (templateOf(ref.uri) === null) {
      throw new ProtocolError(
        ProtocolErrorCode.InvalidParams,
        `Unknown resource template: ${ref.uri}. Call resources/templates/list for the templates.`,
      );
    }
    kind = TEMPLATE_VARIABLES[argument.name] ?? null;
  }
  if (!kind) return NOTHING;
  const completer = COMPLETERS[kind];
  if (accessTo([completer.tool], caller)) return NOTHING;
  const { values, hasMore } = await completer.complete(ctx, argument.value.slice(0, 200));
  return { completion: { values, hasMore } };
}
