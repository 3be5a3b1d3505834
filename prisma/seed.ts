// Seeds the demo workspaces with deterministic, realistic helpdesk data.
// `--size N` seeds N tickets in the demo workspace (default 400) for benchmarks; above
// 2,000 they are generated set-based in the database (seed-bulk.ts), and
// `--audit-events N` adds N audit events for the audit-log queries.
import { hashPassword } from "@/lib/auth/password";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Channel, MessageKind, TicketPriority, TicketStatus } from "@/lib/generated/prisma/enums";
import { bulkSeed } from "./seed-bulk";
import { seedMacrosAndSnippets } from "./seed-macros";
import { seedAutomations } from "./seed-automations";
import { seedKnowledge } from "./seed-knowledge";
import { seedAttachments } from "./seed-attachments";
import { seedCsat } from "./seed-csat";
import { seedWebhooks } from "./seed-webhooks";
import { seedEmail } from "./seed-email";
import { BULK_RESOLUTION_HOURS, seedSla, seedSlaPolicies } from "./seed-sla";
import { DEMO_PASSWORD, DEMO_USERS, DEMO_WORKSPACE, SECOND_WORKSPACE } from "./demo-accounts.mjs";
import { CONTACT_REPLIES, NOTES, REPLIES } from "./seed-text";

const DAY = 86_400_000;

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(20261123);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const weighted = <T>(pairs: readonly (readonly [T, number])[]): T => {
  const total = pairs.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, w] of pairs) if ((r -= w) < 0) return value;
  return pairs[0]![0];
};
let idCounter = 0;
const nextId = (prefix: string) =>
  `${prefix}${(++idCounter).toString(36).padStart(6, "0")}${Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, "0")}`;

const FIRST = [
  "Liam",
  "Emma",
  "Noah",
  "Mia",
  "Lucas",
  "Sofia",
  "Mateo",
  "Chloe",
  "Hugo",
  "Isla",
  "Omar",
  "Yuki",
  "Priya",
  "Jonas",
  "Elena",
  "Kofi",
  "Zara",
  "Felix",
  "Nina",
  "Ravi",
  "Leah",
  "Tom",
  "Ines",
  "Marco",
];
const LAST = [
  "Schmidt",
  "Garcia",
  "Nguyen",
  "Okafor",
  "Rossi",
  "Kowalski",
  "Silva",
  "Tanaka",
  "Dubois",
  "Jensen",
  "Khan",
  "Murphy",
  "Novak",
  "Haddad",
  "Larsen",
  "Moreau",
  "Patel",
  "Weber",
];
const COMPANIES = [
  "Northwind Traders",
  "Contoso Ltd",
  "Fabrikam",
  "Tailspin Toys",
  "Wide World Importers",
  "Litware",
  "Proseware",
  "Adventure Works",
  "Blue Yonder Air",
  "Fourth Coffee",
  null,
  null,
];
const TEAMS = [
  ["Billing", "Invoices, refunds, plan changes"],
  ["Technical Support", "Bugs, integrations, outages"],
  ["Onboarding", "New accounts and migrations"],
  ["Sales", "Quotes, trials and upgrades"],
] as const;
const TAGS = [
  ["billing", "amber"],
  ["refund", "rose"],
  ["bug", "red"],
  ["feature-request", "violet"],
  ["vip", "emerald"],
  ["urgent-followup", "orange"],
  ["integration", "sky"],
  ["login", "indigo"],
  ["onboarding", "teal"],
  ["churn-risk", "pink"],
  ["api", "cyan"],
  ["mobile", "lime"],
] as const;
const TOPICS: { team: number; tags: string[]; subjects: string[]; bodies: string[] }[] = [
  {
    team: 0,
    tags: ["billing"],
    subjects: [
      "Charged twice for the {month} invoice",
      "Invoice shows the wrong VAT number",
      "Can I switch to annual billing?",
      "Card declined on renewal",
      "Need a copy of invoice #{n}",
    ],
    bodies: [
      "Hi, our card was charged twice this month for the same subscription. Can you check and refund the duplicate?",
      "The invoice lists our old VAT number. Could you reissue it with the correct one?",
      "We'd like to move to yearly billing. What discount applies and when does it start?",
    ],
  },
  {
    team: 0,
    tags: ["refund", "billing"],
    subjects: ["Refund request for unused seats", "Cancelled but still billed", "Pro-rated refund after downgrade"],
    bodies: [
      "We removed five seats last week but the invoice still bills for them. Please refund the difference.",
      "I cancelled on the 3rd and was still billed on the 5th. Please refund.",
    ],
  },
  {
    team: 1,
    tags: ["bug"],
    subjects: [
      "Export to CSV times out",
      "Dashboard charts are blank since this morning",
      "Attachments over 10 MB fail to upload",
      "Search returns results from archived tickets",
      "Dark mode makes the editor unreadable",
    ],
    bodies: [
      "Every time I export last quarter's data the request times out after about a minute.",
      "Since this morning the dashboard shows empty charts for every widget. Cleared cache already.",
      "Uploading a 12 MB PDF fails with a generic error. Smaller files work fine.",
    ],
  },
  {
    team: 1,
    tags: ["integration", "api"],
    subjects: [
      "Webhook deliveries failing with 401",
      "API rate limit too low for our sync",
      "Slack integration stopped posting",
      "Salesforce sync duplicates contacts",
    ],
    bodies: [
      "Our webhook endpoint started receiving 401s from your side. Did the signing secret rotate?",
      "Our nightly sync hits the rate limit after a few thousand calls. Can the limit be raised?",
      "The Slack integration stopped posting new tickets to #support yesterday.",
    ],
  },
  {
    team: 1,
    tags: ["login"],
    subjects: ["Can't log in after password reset", "SSO redirect loop", "2FA codes not accepted"],
    bodies: [
      "After resetting my password the login page just reloads. Tried two browsers.",
      "Our SAML SSO sends users into a redirect loop since the IdP certificate change.",
    ],
  },
  {
    team: 2,
    tags: ["onboarding"],
    subjects: [
      "Help importing tickets from our old helpdesk",
      "Setting up teams and routing",
      "Training session for new agents",
      "How do I invite my whole team?",
    ],
    bodies: [
      "We're moving from our old helpdesk with about 20k tickets. What's the best way to import them?",
      "Could someone walk us through setting up teams and assignment rules?",
    ],
  },
  {
    team: 3,
    tags: ["feature-request"],
    subjects: [
      "Quote for 50 seats",
      "Do you offer a nonprofit discount?",
      "Trial extension request",
      "Enterprise plan: SLA and data residency questions",
    ],
    bodies: [
      "We're evaluating Deskbridge for 50 agents. Could you send a quote for the Professional plan?",
      "Our trial ends Friday and we need another week to finish the evaluation.",
    ],
  },
  {
    team: 1,
    tags: ["mobile", "bug"],
    subjects: ["iOS app crashes when opening a ticket", "Push notifications arrive late on Android"],
    bodies: [
      "The iOS app crashes as soon as I open any ticket with an image attachment.",
      "Notifications on Android arrive 10–20 minutes late.",
    ],
  },
];
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

async function createBatches<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 2_000) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

async function seedWorkspace(options: {
  slug: string;
  name: string;
  plan: "starter" | "professional" | "enterprise";
  users: { id: string; role: "owner" | "admin" | "agent" }[];
  ticketCount: number;
  contactCount: number;
  now: number;
}) {
  const workspace = await prisma.workspace.create({
    data: { slug: options.slug, name: options.name, planTier: options.plan, ticketCounter: options.ticketCount },
    select: { id: true },
  });
  const ws = workspace.id;
  await prisma.membership.createMany({
    data: options.users.map((u) => ({ workspaceId: ws, userId: u.id, role: u.role })),
  });
  const teams = TEAMS.map(([name, description]) => ({ id: nextId("tm"), workspaceId: ws, name, description }));
  await prisma.team.createMany({ data: teams });
  await prisma.teamMember.createMany({
    data: options.users.flatMap((u, i) => [{ workspaceId: ws, teamId: teams[i % teams.length]!.id, userId: u.id }]),
  });
  const tags = TAGS.map(([name, color]) => ({ id: nextId("tg"), workspaceId: ws, name, color }));
  await prisma.tag.createMany({ data: tags });
  // Two shared views every agent sees in the ticket list's sidebar (filters as the list's address carries them).
  await prisma.savedView.createMany({
    data: [
      { id: nextId("sv"), workspaceId: ws, name: "My open", filters: { assignee: "me", status: "open" } },
      { id: nextId("sv"), workspaceId: ws, name: "Unassigned", filters: { assignee: "unassigned", status: "open" } },
    ],
  });
  const tagByName = new Map<string, string>(tags.map((t) => [t.name, t.id]));
  // Two sub-statuses of pending, worn by the pending tickets that wait on a refund or on a fix
  // (chosen by topic, not by the random stream, so the rest of the data stays as it was).
  const caseStatuses = CASE_STATUSES.map(([name, baseStatus, color], position) => ({
    id: nextId("cs"),
    workspaceId: ws,
    name,
    baseStatus,
    color,
    position,
  }));
  await prisma.caseStatus.createMany({ data: caseStatuses });
  const [waitingOnEngineering, awaitingRefund] = caseStatuses.map((c) => c.id);

  const contacts = Array.from({ length: options.contactCount }, (_, i) => {
    const first = pick(FIRST);
    const last = pick(LAST);
    const company = pick(COMPANIES);
    const domain = company ? company.toLowerCase().replace(/[^a-z]+/g, "") + ".example" : "mail.example";
    return {
      id: nextId("ct"),
      workspaceId: ws,
      name: `${first} ${last}`,
      email: `${first}.${last}.${i}@${domain}`.toLowerCase(),
      phone: random() < 0.5 ? `+1 555 01${String(i % 100).padStart(2, "0")}` : null,
      company,
    };
  });
  await createBatches(contacts, (chunk) => prisma.contact.createMany({ data: chunk }));

  const agents = options.users;
  const tickets: Prisma.TicketCreateManyInput[] = [];
  const messages: Prisma.MessageCreateManyInput[] = [];
  const ticketTags: Prisma.TicketTagCreateManyInput[] = [];
  const activities: Prisma.TicketActivityCreateManyInput[] = [];
  const spanDays = Math.max(180, Math.ceil(options.ticketCount / 40));
  for (let n = 1; n <= options.ticketCount; n++) {
    const topic = pick(TOPICS);
    const contact = pick(contacts);
    // Older tickets are mostly closed; recent ones still open.
    const ageDays = Math.pow(random(), 1.6) * spanDays;
    const createdAt = new Date(options.now - ageDays * DAY - Math.floor(random() * DAY));
    const status: TicketStatus =
      ageDays > 20
        ? weighted([
            ["closed", 6],
            ["resolved", 3],
            ["pending", 1],
          ])
        : weighted([
            ["open", 5],
            ["pending", 3],
            ["resolved", 2],
          ]);
    const priority: TicketPriority = weighted([
      ["low", 2],
      ["normal", 6],
      ["high", 2],
      ["urgent", 1],
    ]);
    const channel: Channel = weighted([
      ["email", 6],
      ["chat", 3],
      ["web", 2],
      ["phone", 1],
    ]);
    const assignee = status === "open" && random() < 0.3 ? null : pick(agents);
    const id = nextId("tk");
    const subject = pick(topic.subjects)
      .replace("{month}", pick(MONTHS))
      .replace("{n}", String(1000 + n));
    let t = createdAt.getTime();
    // Contacts' messages come in through the system; agents answer in the web app.
    const fromContact = (body: string) =>
      messages.push({
        id: nextId("ms"),
        workspaceId: ws,
        ticketId: id,
        kind: "reply",
        authorType: "contact",
        authorContactId: contact.id,
        body,
        createdAt: new Date(t),
        via: "system",
      });
    const fromAgent = (kind: MessageKind, authorUserId: string, body: string) =>
      messages.push({
        id: nextId("ms"),
        workspaceId: ws,
        ticketId: id,
        kind,
        authorType: "agent",
        authorUserId,
        body,
        createdAt: new Date(t),
        via: "web",
      });
    fromContact(pick(topic.bodies));
    let firstResponseAt: Date | null = null;
    const rounds = status === "open" ? Math.floor(random() * 2) : 1 + Math.floor(random() * 3);
    for (let r = 0; r < rounds && assignee; r++) {
      t += (0.2 + random() * 20) * 3_600_000;
      if (t > options.now) break;
      if (random() < 0.25) {
        fromAgent("note", assignee.id, pick(NOTES));
        t += 60_000;
      }
      fromAgent("reply", assignee.id, pick(REPLIES));
      firstResponseAt ??= new Date(t);
      if (r < rounds - 1) {
        t += (1 + random() * 30) * 3_600_000;
        fromContact(pick(CONTACT_REPLIES));
      }
    }
    const resolvedAt =
      status === "resolved" || status === "closed" ? new Date(Math.min(t + 3_600_000, options.now)) : null;
    const updatedAt = new Date(Math.min(Math.max(t, resolvedAt?.getTime() ?? 0), options.now));
    tickets.push({
      id,
      workspaceId: ws,
      number: n,
      subject,
      status,
      priority,
      channel,
      teamId: teams[topic.team]!.id,
      assigneeId: assignee?.id ?? null,
      contactId: contact.id,
      createdAt,
      updatedAt,
      firstResponseAt,
      resolvedAt,
      closedAt: status === "closed" ? resolvedAt : null,
      caseStatusId:
        status !== "pending"
          ? null
          : topic.tags.includes("refund")
            ? awaitingRefund
            : topic.tags.includes("bug")
              ? waitingOnEngineering
              : null,
    });
    const tagNames = new Set<string>(topic.tags);
    if (random() < 0.15) tagNames.add("vip");
    if (priority === "urgent" && random() < 0.5) tagNames.add("urgent-followup");
    if (random() < 0.05) tagNames.add("churn-risk");
    for (const name of tagNames)
      ticketTags.push({ workspaceId: ws, ticketId: id, tagId: tagByName.get(name)!, createdAt });
    activities.push({
      id: nextId("ac"),
      workspaceId: ws,
      ticketId: id,
      actorUserId: null,
      via: "system",
      action: "create",
      changes: { subject, channel },
      createdAt,
    });
    if (assignee)
      activities.push({
        id: nextId("ac"),
        workspaceId: ws,
        ticketId: id,
        actorUserId: assignee.id,
        via: "web",
        action: "assign",
        changes: { assignee: { from: null, to: "self" } },
        createdAt: new Date(createdAt.getTime() + 60_000),
      });
    if (resolvedAt)
      activities.push({
        id: nextId("ac"),
        workspaceId: ws,
        ticketId: id,
        actorUserId: assignee?.id ?? null,
        via: "web",
        action: "resolve",
        changes: { status: { from: "open", to: "resolved" } },
        createdAt: resolvedAt,
      });
  }
  await createBatches(tickets, (chunk) => prisma.ticket.createMany({ data: chunk }));
  await createBatches(messages, (chunk) => prisma.message.createMany({ data: chunk }));
  await createBatches(ticketTags, (chunk) => prisma.ticketTag.createMany({ data: chunk }));
  await createBatches(activities, (chunk) => prisma.ticketActivity.createMany({ data: chunk }));
  return {
    tickets: tickets.length,
    messages: messages.length,
    workspaceId: ws,
    teamIds: teams.map((t) => t.id),
    tagIds: tagByName,
    caseStatusIds: caseStatuses.map((c) => c.id),
  };
}

const CASE_STATUSES: [string, TicketStatus, string][] = [
  ["Waiting on engineering", "pending", "violet"],
  ["Awaiting refund", "pending", "amber"],
];

/** Companies grouped by the seeded contacts' email domains (a company's contacts are found by domain). */
const SEED_COMPANIES: [string, string[]][] = [
  ["Northwind Traders", ["northwindtraders.example"]],
  ["Contoso Ltd", ["contosoltd.example", "contoso.example"]],
  ["Fabrikam", ["fabrikam.example"]],
];

async function seedCompanies(workspaceId: string) {
  await prisma.company.createMany({
    data: SEED_COMPANIES.map(([name, domains]) => ({ id: nextId("co"), workspaceId, name, domains })),
  });
}

/**
 * One customer who wrote from two addresses and became two contacts, each with a ticket: the pair
 * the contacts page offers to merge.
 */
async function seedDuplicateContacts(workspaceId: string, now: number) {
  const pair = [
    {
      name: "Odile Marchetti",
      email: "odile.marchetti@fabrikam.example",
      subject: "Invoice shows the wrong VAT number",
    },
    { name: "Odile M.", email: "odile.home@mail.example", subject: "Following up on my VAT invoice" },
  ];
  const { ticketCounter } = await prisma.workspace.update({
    where: { id: workspaceId },
    data: { ticketCounter: { increment: pair.length } },
    select: { ticketCounter: true },
  });
  for (const [i, person] of pair.entries()) {
    const createdAt = new Date(now - (3 - i) * DAY);
    const contactId = nextId("ct");
    const ticketId = nextId("tk");
    await prisma.contact.create({
      data: { id: contactId, workspaceId, name: person.name, email: person.email, company: i ? null : "Fabrikam" },
    });
    await prisma.ticket.create({
      data: {
        id: ticketId,
        workspaceId,
        number: ticketCounter - pair.length + 1 + i,
        subject: person.subject,
        channel: "email",
        contactId,
        createdAt,
        updatedAt: createdAt,
      },
    });
    await prisma.message.create({
      data: {
        id: nextId("ms"),
        workspaceId,
        ticketId,
        kind: "reply",
        authorType: "contact",
        authorContactId: contactId,
        body: "Our invoice lists an old VAT number. Could you reissue it with the current one?",
        via: "system",
        createdAt,
      },
    });
    await prisma.ticketActivity.create({
      data: {
        id: nextId("ac"),
        workspaceId,
        ticketId,
        via: "system",
        action: "create",
        changes: { subject: person.subject, channel: "email" },
        createdAt,
      },
    });
  }
}

// Above this many tickets (or with audit history) rows are made set-based in the database.
const BULK_ABOVE = 2_000;

function wholeNumberArg(flag: string, fallback: number) {
  const at = process.argv.indexOf(flag);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${flag} takes a whole number`);
  return value;
}

async function main() {
  const size = wholeNumberArg("--size", 400);
  if (size < 1) throw new Error("--size takes a positive whole number of tickets");
  const auditEvents = wholeNumberArg("--audit-events", 0);
  const bulk = size > BULK_ABOVE || auditEvents > 0;
  const now = Date.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const extraAgents = [
    { email: "ben@acme.test", name: "Ben Brooks" },
    { email: "chen@acme.test", name: "Chen Li" },
    { email: "dana@acme.test", name: "Dana Diaz" },
  ];
  const people = [DEMO_USERS.owner, DEMO_USERS.admin, DEMO_USERS.agent, ...extraAgents];
  await prisma.user.createMany({
    data: people.map((p) => ({ id: nextId("us"), email: p.email, name: p.name, passwordHash })),
    skipDuplicates: true,
  });
  const users = await prisma.user.findMany({
    where: { email: { in: people.map((p) => p.email) } },
    select: { id: true, email: true },
  });
  const idOf = (email: string) => users.find((u) => u.email === email)!.id;
  const acme = await seedWorkspace({
    ...DEMO_WORKSPACE,
    plan: "professional",
    users: [
      { id: idOf(DEMO_USERS.owner.email), role: "owner" },
      { id: idOf(DEMO_USERS.admin.email), role: "admin" },
      { id: idOf(DEMO_USERS.agent.email), role: "agent" },
      ...extraAgents.map((a) => ({ id: idOf(a.email), role: "agent" as const })),
    ],
    ticketCount: bulk ? 0 : size,
    contactCount: bulk ? 0 : Math.min(Math.max(60, Math.ceil(size / 3)), 50_000),
    now,
  });
  if (bulk) {
    const agentIds = users.map((u) => u.id).sort();
    // The SLA policies first: the bulk load writes open and pending tickets' due times with them.
    const { policies } = await seedSlaPolicies(acme.workspaceId);
    const result = await bulkSeed({
      workspaceId: acme.workspaceId,
      agentIds,
      teamIds: acme.teamIds,
      tagIds: acme.tagIds,
      tickets: size,
      auditEvents,
      sla: { policyId: policies[0]!.id, resolutionHours: BULK_RESOLUTION_HOURS },
    });
    // One pending ticket in five wears a sub-status: one set-based update.
    await prisma.$executeRaw`UPDATE "Ticket" SET "caseStatusId" =
        CASE WHEN "number" % 2 = 0 THEN ${acme.caseStatusIds[0]} ELSE ${acme.caseStatusIds[1]} END
      WHERE "workspaceId" = ${acme.workspaceId} AND "status" = 'pending' AND "number" % 5 = 0`;
    acme.tickets = result.tickets;
    acme.messages = result.messages;
    console.log(`  ${result.contacts} contacts, ${result.audit} audit events`);
  } else {
    await seedDuplicateContacts(acme.workspaceId, now);
  }
  await seedMacrosAndSnippets({
    workspaceId: acme.workspaceId,
    teamIds: acme.teamIds,
    agentId: idOf(DEMO_USERS.agent.email),
  });
  await seedKnowledge(acme.workspaceId, [DEMO_USERS.admin.email, DEMO_USERS.agent.email].map(idOf), now);
  // The demo's workflow rule: closed tickets reopen within 30 days; later a follow-up opens.
  await prisma.caseWorkflow.create({ data: { workspaceId: acme.workspaceId, reopenWindowDays: 30 } });
  if (!bulk) await seedSla(acme.workspaceId, { now });
  await seedCompanies(acme.workspaceId);
  if (!bulk)
    await seedEmail({
      workspaceId: acme.workspaceId,
      slug: DEMO_WORKSPACE.slug,
      agentId: idOf(DEMO_USERS.agent.email),
      now,
    });
  await seedAutomations({
    workspaceId: acme.workspaceId,
    adminId: idOf(DEMO_USERS.admin.email),
    agentId: idOf(DEMO_USERS.agent.email),
    now,
  });
  // Who is around right now: two agents online, one away, the rest offline (the default).
  const statuses: [string, "online" | "away"][] = [
    [DEMO_USERS.agent.email, "online"],
    [extraAgents[0]!.email, "online"],
    [extraAgents[1]!.email, "away"],
  ];
  for (const [email, status] of statuses) {
    await prisma.membership.update({
      where: { workspaceId_userId: { workspaceId: acme.workspaceId, userId: idOf(email) } },
      data: { status, statusChangedAt: new Date(now - 20 * 60_000) },
    });
  }
  const globex = await seedWorkspace({
    ...SECOND_WORKSPACE,
    plan: "starter",
    users: [
      { id: idOf(extraAgents[2]!.email), role: "owner" },
      { id: idOf(DEMO_USERS.owner.email), role: "agent" },
    ],
    ticketCount: 40,
    contactCount: 25,
    now,
  });
  await seedCompanies(globex.workspaceId);
  // Ratings on resolved demo tickets: good/bad in the demo workspace, 1–5 in the second.
  const csat = await seedCsat({ workspaceId: acme.workspaceId, scale: "good_bad", now, seed: 20261204 });
  await seedCsat({ workspaceId: globex.workspaceId, scale: "one_to_five", now, seed: 20261205 });
  console.log(`  ${csat.ratings} CSAT ratings on ${csat.requests} resolved tickets`);
  const attachments = await seedAttachments({ workspaceId: acme.workspaceId });
  console.log(`  ${attachments} attachments on the newest tickets`);
  if (await seedWebhooks({ workspaceId: acme.workspaceId, createdById: idOf(DEMO_USERS.admin.email), now }))
    console.log("  a demo webhook for the README's local receiver (turned off)");
  console.log(
    `  seeded ${DEMO_WORKSPACE.slug}: ${acme.tickets} tickets, ${acme.messages} messages; ${SECOND_WORKSPACE.slug}: ${globex.tickets} tickets`,
  );
}

main()
  .then(() => prisma.$disconnect())
  .catch(async (error: unknown) => {
    console.error(error);
    await prisma.$disconnect();
    process.exit(1);
  });
