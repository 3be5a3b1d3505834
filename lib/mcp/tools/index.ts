import type { AnyTool } from "@/lib/mcp/tool";
import { noteUntrustedOutput } from "@/lib/mcp/untrusted";
import { AGENT_STATUS_TOOLS } from "@/lib/mcp/tools/agent-status";
import { ANALYTICS_TOOLS } from "@/lib/mcp/tools/analytics";
import { ATTACHMENT_TOOLS } from "@/lib/mcp/tools/attachments";
import { AUTOMATION_TOOLS } from "@/lib/mcp/tools/automations";
import { CASE_STATUS_TOOLS } from "@/lib/mcp/tools/case-statuses";
import { CSAT_TOOLS } from "@/lib/mcp/tools/csat";
import { CONTACT_TOOLS } from "@/lib/mcp/tools/contacts";
import { CREDENTIAL_TOOLS } from "@/lib/mcp/tools/credentials";
import { EMAIL_TOOLS } from "@/lib/mcp/tools/email";
import { MACRO_TOOLS } from "@/lib/mcp/tools/macros";
import { NOTIFICATION_TOOLS } from "@/lib/mcp/tools/notifications";
import { SNIPPET_TOOLS } from "@/lib/mcp/tools/snippets";
import { SLA_TOOLS } from "@/lib/mcp/tools/sla";
import { KNOWLEDGE_TOOLS } from "@/lib/mcp/tools/knowledge";
import { SEARCH_TOOLS } from "@/lib/mcp/tools/search";
import { SETTINGS_TOOLS } from "@/lib/mcp/tools/settings";
import { TAG_TOOLS } from "@/lib/mcp/tools/tags";
import { TICKET_TOOLS } from "@/lib/mcp/tools/tickets";
import { USER_TOOLS } from "@/lib/mcp/tools/users";
import { VIEW_TOOLS } from "@/lib/mcp/tools/views";
import { WEBHOOK_TOOLS } from "@/lib/mcp/tools/webhooks";

/**
 * The one registry: tools/list, tools/call, consent text, the docs page and the permission tests read it.
 * A tool whose results can hold customer-written text says so in its description (lib/mcp/untrusted.ts).
 */
export const TOOLS: readonly AnyTool[] = [
  ...TICKET_TOOLS,
  ...TAG_TOOLS,
  ...ATTACHMENT_TOOLS,
  ...MACRO_TOOLS,
  ...SNIPPET_TOOLS,
  ...CASE_STATUS_TOOLS,
  ...SLA_TOOLS,
  ...VIEW_TOOLS,
  ...CONTACT_TOOLS,
  ...KNOWLEDGE_TOOLS,
  ...USER_TOOLS,
  ...AGENT_STATUS_TOOLS,
  ...CREDENTIAL_TOOLS,
  ...ANALYTICS_TOOLS,
  ...CSAT_TOOLS,
  ...EMAIL_TOOLS,
  ...SEARCH_TOOLS,
  ...SETTINGS_TOOLS,
  ...WEBHOOK_TOOLS,
  ...AUTOMATION_TOOLS,
  ...NOTIFICATION_TOOLS,
].map(noteUntrustedOutput);

export const TOOLS_BY_NAME: ReadonlyMap<string, AnyTool> = new Map(TOOLS.map((tool) => [tool.name, tool]));
