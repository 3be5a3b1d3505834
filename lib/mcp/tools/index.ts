import type { AnyTool } from "@/lib/mcp/tool";
import { ANALYTICS_TOOLS } from "@/lib/mcp/tools/analytics";
import { CONTACT_TOOLS } from "@/lib/mcp/tools/contacts";
import { CREDENTIAL_TOOLS } from "@/lib/mcp/tools/credentials";
import { SEARCH_TOOLS } from "@/lib/mcp/tools/search";
import { SETTINGS_TOOLS } from "@/lib/mcp/tools/settings";
import { TAG_TOOLS } from "@/lib/mcp/tools/tags";
import { TICKET_TOOLS } from "@/lib/mcp/tools/tickets";
import { USER_TOOLS } from "@/lib/mcp/tools/users";

/** The one registry: tools/list, tools/call, consent text, the docs page and the permission tests read it. */
export const TOOLS: readonly AnyTool[] = [
  ...TICKET_TOOLS,
  ...TAG_TOOLS,
  ...CONTACT_TOOLS,
  ...USER_TOOLS,
  ...CREDENTIAL_TOOLS,
  ...ANALYTICS_TOOLS,
  ...SEARCH_TOOLS,
  ...SETTINGS_TOOLS,
];

export const TOOLS_BY_NAME: ReadonlyMap<string, AnyTool> = new Map(TOOLS.map((tool) => [tool.name, tool]));
