// Demo macros and snippets for the demo workspace: a few shared ones and one personal each.
import { prisma } from "@/lib/db";

export async function seedMacrosAndSnippets(options: {
  workspaceId: string;
  /** Billing, Technical Support, Onboarding, Sales (the seed's team order). */
  teamIds: string[];
  /** The demo agent, who keeps a personal macro and snippet. */
  agentId: string;
}) {
  const { workspaceId, teamIds, agentId } = options;
  await prisma.macro.createMany({
    data: [
      {
        workspaceId,
        name: "Refund approved",
        description: "Confirm the refund, tag it and resolve",
        actions: {
          message: {
            kind: "reply",
            body: "Hi {{contact.first_name}},\n\nGood news: we've approved your refund for ticket #{{ticket.number}}. It will reach your card within 5–10 business days.\n\nBest,\n{{agent.first_name}}",
          },
          add_tags: ["refund"],
          status: "resolved",
        },
        usageCount: 14,
      },
      {
        workspaceId,
        name: "Escalate to Technical Support",
        description: "Urgent, to the technical team, with a note",
        actions: {
          message: {
            kind: "note",
            body: "Escalated by {{agent.name}}: customer impact confirmed, needs an engineer today.",
          },
          priority: "urgent",
          team: teamIds[1],
          add_tags: ["urgent-followup"],
        },
        usageCount: 9,
      },
      {
        workspaceId,
        name: "Ask for more details",
        description: "Request steps to reproduce and wait on the customer",
        actions: {
          message: {
            kind: "reply",
            body: "Hi {{contact.first_name}},\n\nThanks for reporting this. Could you send the steps that lead to the problem, the browser or app version you use, and a screenshot if you have one?\n\n{{agent.first_name}}",
          },
          status: "pending",
        },
        usageCount: 21,
      },
      {
        workspaceId,
        ownerUserId: agentId,
        name: "Take it and mark high",
        description: "Assign to me and raise the priority",
        actions: { assignee: "me", priority: "high" },
        usageCount: 3,
      },
    ],
  });
  await prisma.snippet.createMany({
    data: [
      {
        workspaceId,
        shortcut: "refund-policy",
        name: "Refund policy",
        body: "We refund any charge made in the last 30 days in full, no questions asked; older charges are refunded pro rata.",
      },
      {
        workspaceId,
        shortcut: "greeting",
        name: "Greeting",
        body: "Hi {{contact.first_name}}, thanks for getting in touch about “{{ticket.subject}}”.",
      },
      {
        workspaceId,
        shortcut: "sign-off",
        name: "Sign-off",
        body: "Best regards,\n{{agent.name}}\nAcme Support",
      },
      {
        workspaceId,
        shortcut: "status-page",
        name: "Status page link",
        body: "You can follow the incident live at https://status.acme.test — we post an update every 30 minutes.",
      },
      {
        workspaceId,
        ownerUserId: agentId,
        shortcut: "ava-hours",
        name: "My working hours",
        body: "I'm online Monday to Friday, 9:00–17:00 CET; a colleague picks up anything urgent outside those hours.",
      },
    ],
  });
}
