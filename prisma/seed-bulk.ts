// Set-based seeding for benchmark volumes: every row comes from INSERT … SELECT over
// generate_series, with each choice a hash of the row number, so a size always yields
// the same rows (timestamps are relative to the UTC day the seed runs) and no row
// travels through Node. Secondary indexes and foreign keys of the big tables are
// dropped before the load and rebuilt after it, found generically in the catalog so
// indexes a later migration adds are handled the same way.
import pg from "pg";
import { getEnv } from "@/lib/env";
import { CONTACT_REPLIES, NOTES, REPLIES } from "./seed-text";

export type BulkSeedInput = {
  workspaceId: string;
  agentIds: string[];
  teamIds: string[];
  /** tag name → id */
  tagIds: Map<string, string>;
  tickets: number;
  auditEvents: number;
  /**
   * The SLA policy open and pending tickets run under, written with the tickets: resolution due
   * `resolutionHours[priority]` calendar hours after creation, breached when that has passed.
   */
  sla?: { policyId: string; resolutionHours: Record<"urgent" | "high" | "normal" | "low", number> };
};

const BIG_TABLES = ["Ticket", "Message", "TicketTag", "TicketActivity", "Contact", "AuditEvent"];

const FIRST =
  "Liam Emma Noah Mia Lucas Sofia Mateo Chloe Hugo Isla Omar Yuki Priya Jonas Elena Kofi Zara Felix Nina Ravi Leah Tom Ines Marco".split(
    " ",
  );
const LAST =
  "Schmidt Garcia Nguyen Okafor Rossi Kowalski Silva Tanaka Dubois Jensen Khan Murphy Novak Haddad Larsen Moreau Patel Weber".split(
    " ",
  );
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
const MONTHS = "January February March April May June July August September October November December".split(" ");

// [team index, tags, subject]; a subject picks its topic, so team and tags follow it.
const SUBJECTS: [number, string[], string][] = [
  [0, ["billing"], "Charged twice for the {month} invoice"],
  [0, ["billing"], "Invoice shows the wrong VAT number"],
  [0, ["billing"], "Can I switch to annual billing?"],
  [0, ["billing"], "Card declined on renewal"],
  [0, ["billing"], "Need a copy of invoice #{n}"],
  [0, ["refund", "billing"], "Refund request for unused seats"],
  [0, ["refund", "billing"], "Cancelled but still billed"],
  [0, ["refund", "billing"], "Pro-rated refund after downgrade"],
  [1, ["bug"], "Export to CSV times out"],
  [1, ["bug"], "Dashboard charts are blank since this morning"],
  [1, ["bug"], "Attachments over 10 MB fail to upload"],
  [1, ["bug"], "Search returns results from archived tickets"],
  [1, ["bug"], "Dark mode makes the editor unreadable"],
  [1, ["integration", "api"], "Webhook deliveries failing with 401"],
  [1, ["integration", "api"], "API rate limit too low for our sync"],
  [1, ["integration", "api"], "Slack integration stopped posting"],
  [1, ["integration", "api"], "Salesforce sync duplicates contacts"],
  [1, ["login"], "Can't log in after password reset"],
  [1, ["login"], "SSO redirect loop"],
  [1, ["login"], "2FA codes not accepted"],
  [2, ["onboarding"], "Help importing tickets from our old helpdesk"],
  [2, ["onboarding"], "Setting up teams and routing"],
  [2, ["onboarding"], "Training session for new agents"],
  [2, ["onboarding"], "How do I invite my whole team?"],
  [3, ["feature-request"], "Quote for 50 seats"],
  [3, ["feature-request"], "Do you offer a nonprofit discount?"],
  [3, ["feature-request"], "Trial extension request"],
  [3, ["feature-request"], "Enterprise plan: SLA and data residency questions"],
  [1, ["mobile", "bug"], "iOS app crashes when opening a ticket"],
  [1, ["mobile", "bug"], "Push notifications arrive late on Android"],
];
// The first message of a ticket, by team.
const OPENERS = [
  [
    "Hi, our card was charged twice this month for the same subscription. Can you check and refund the duplicate?",
    "The invoice lists our old VAT number. Could you reissue it with the correct one?",
    "We removed five seats last week but the invoice still bills for them. Please refund the difference.",
  ],
  [
    "Every time I export last quarter's data the request times out after about a minute.",
    "After resetting my password the login page just reloads. Tried two browsers.",
    "Our webhook endpoint started receiving 401s from your side. Did the signing secret rotate?",
    "The iOS app crashes as soon as I open any ticket with an image attachment.",
  ],
  [
    "We're moving from our old helpdesk with about 20k tickets. What's the best way to import them?",
    "Could someone walk us through setting up teams and assignment rules?",
  ],
  [
    "We're evaluating Deskbridge for 50 agents. Could you send a quote for the Professional plan?",
    "Our trial ends Friday and we need another week to finish the evaluation.",
  ],
];
// Words for the free-text part of messages, picked with a skew so the first are common
// and the last rare; RARE words appear in about one message in half a million.
const VOCABULARY = (
  "account access error page browser screen button report customer order payment invoice subscription " +
  "plan seat user team email password settings update version release issue problem request question " +
  "data export import file upload download sync webhook token integration calendar dashboard chart " +
  "workflow automation rule trigger filter search result list view mobile desktop android iphone tablet " +
  "network timeout server latency outage incident status notification reminder message thread reply " +
  "attachment image document spreadsheet contract renewal discount trial quote upgrade downgrade " +
  "cancellation migration onboarding training schedule meeting deadline priority escalation manager " +
  "colleague department office region language timezone currency receipt statement balance credit " +
  "debit transfer deposit shipment delivery tracking warehouse inventory product catalog pricing"
).split(" ");
const RARE = (
  "zephyrine quixotic obsidianflux marzipanix kelvinator brontide halcyonix paraglyph vorticella " +
  "snorkelbay fjordline ptarmigan xylocarp jabberwock nimbostratus quokka axolotl"
).split(" ");

const lit = (value: string | null) => (value === null ? "NULL" : `'${value.replaceAll("'", "''")}'`);
const textArray = (values: (string | null)[]) => `ARRAY[${values.map(lit).join(",")}]::text[]`;
const intArray = (values: (number | null)[]) => `ARRAY[${values.map((v) => v ?? "NULL").join(",")}]::int[]`;
/** A deterministic number in [0, mod) from a row key and a salt. */
const h = (key: string, salt: number, mod: number | string) =>
  `((hashint8((${key})::bigint * 64 + ${salt}) & 2147483647) % ${mod})`;
/** 1-based pick from an SQL array literal. */
const pickFrom = (array: string, length: number, key: string, salt: number) =>
  `(${array})[1 + ${h(key, salt, length)}]`;

function sentence(key: string, salt: number, words: number) {
  const parts = Array.from({ length: words }, (_, i) => {
    // u² skews toward the start of the vocabulary: a Zipf-like spread of common and rarer words.
    const skewed = `floor(${VOCABULARY.length} * power(${h(key, salt + i, 1_000_000)} / 1000000.0, 2))::int`;
    return `(${textArray(VOCABULARY)})[1 + ${skewed}]`;
  });
  const rare = `CASE WHEN ${h(key, salt + 20, 500_000)} = 0 THEN ' ' || ${pickFrom(textArray(RARE), RARE.length, key, salt + 21)} ELSE '' END`;
  return `(${parts.join(" || ' ' || ")} || ${rare})`;
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  console.log(`  ${label}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return result;
}

async function connect() {
  const client = new pg.Client({ connectionString: getEnv().DATABASE_URL });
  await client.connect();
  // A seed that fails half-way is started over, so waiting for each commit's flush buys nothing.
  await client.query("SET synchronous_commit = off");
  await client.query("SET maintenance_work_mem = '256MB'");
  return client;
}

type Deferred = { table: string; sql: string };

/** Drops the big tables' foreign keys and secondary indexes; returns the statements that restore them. */
async function dropIndexesAndForeignKeys(client: pg.Client) {
  const { rows: fks } = await client.query<{ tbl: string; name: string; def: string }>(
    `SELECT c.conrelid::regclass::text AS tbl, c.conname AS name, pg_get_constraintdef(c.oid) AS def
       FROM pg_constraint c
      WHERE c.contype = 'f' AND c.conrelid = ANY (SELECT format('%I', t)::regclass FROM unnest($1::text[]) t)`,
    [BIG_TABLES],
  );
  // Indexes that back a constraint (primary keys) stay: foreign keys elsewhere need them.
  const { rows: indexes } = await client.query<{ tbl: string; name: string; def: string }>(
    `SELECT i.tablename AS tbl, i.indexname AS name, i.indexdef AS def
       FROM pg_indexes i
      WHERE i.schemaname = current_schema() AND i.tablename = ANY ($1::text[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)`,
    [BIG_TABLES],
  );
  for (const fk of fks) await client.query(`ALTER TABLE ${fk.tbl} DROP CONSTRAINT "${fk.name}"`);
  for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
  return {
    indexes: indexes.map((i): Deferred => ({ table: i.tbl, sql: i.def })),
    foreignKeys: fks.map((fk): Deferred => ({
      table: fk.tbl,
      sql: `ALTER TABLE ${fk.tbl} ADD CONSTRAINT "${fk.name}" ${fk.def}`,
    })),
  };
}

/** Runs statements on two connections at once (the machines this targets have two or more cores). */
async function runParallel(clients: pg.Client[], statements: string[]) {
  const queue = [...statements];
  await Promise.all(
    clients.map(async (client) => {
      for (let sql = queue.shift(); sql; sql = queue.shift()) await client.query(sql);
    }),
  );
}

/** The triggers that keep each ticket's search documents and the ticket and tag counts current row by row. */
const ROW_TRIGGERS = [
  ["Ticket", "Ticket_search"],
  ["Message", "Message_search"],
  ["Contact", "Contact_search"],
  ["Ticket", "Ticket_count"],
  ["TicketTag", "TicketTag_count"],
] as const;

/** Loading skips the per-row triggers; documents and counts are built in one set-based pass after. */
async function setRowTriggers(client: pg.Client, state: "ENABLE" | "DISABLE") {
  for (const [table, trigger] of ROW_TRIGGERS)
    await client.query(`ALTER TABLE "${table}" ${state} TRIGGER "${trigger}"`);
}

async function buildSearchDocumentsAndCounts(client: pg.Client, workspaceId: string) {
  await client.query(`SELECT "public".deskbridge_rebuild_search($1)`, [workspaceId]);
  await client.query(`SELECT "public".deskbridge_rebuild_counts($1)`, [workspaceId]);
}

export async function bulkSeed(input: BulkSeedInput) {
  const ws = lit(input.workspaceId);
  const n = input.tickets;
  const contacts = Math.max(60, Math.ceil(n / 5));
  const day = new Date();
  day.setUTCHours(0, 0, 0, 0);
  const now = `'${day.toISOString().replace("T", " ").replace("Z", "")}'::timestamp`;
  // About 100,000 tickets a year, as a team of 50 agents makes; at least six months.
  const spanDays = Math.max(180, Math.ceil(n / 274));
  const agents = textArray(input.agentIds);
  const teams = textArray(input.teamIds);
  const tagNames = [...input.tagIds.keys()];
  const tags = textArray(tagNames.map((name) => input.tagIds.get(name)!));
  const tagIndex = (name: string) => tagNames.indexOf(name) + 1;
  const slaPolicy = input.sla ? lit(input.sla.policyId) : "NULL::text";
  const slaHours = `${Object.entries(input.sla?.resolutionHours ?? {})
    .map(([priority, hours]) => `WHEN '${priority}' THEN ${Number(hours)} `)
    .join("")}ELSE 0`;
  const subjects = textArray(SUBJECTS.map(([, , s]) => s));
  const subjectTeam = intArray(SUBJECTS.map(([team]) => team + 1));
  const subjectTag1 = intArray(SUBJECTS.map(([, t]) => tagIndex(t[0]!)));
  const subjectTag2 = intArray(SUBJECTS.map(([, t]) => (t[1] ? tagIndex(t[1]) : null)));
  const domains = COMPANIES.map((c) => (c ? c.toLowerCase().replace(/[^a-z]+/g, "") + ".example" : "mail.example"));
  const subjectOf = (key: string) => h(key, 1, SUBJECTS.length);
  const messageCount = (key: string) => `(2 + ${h(key, 7, 5)})`;

  const contactsSql = `
    INSERT INTO "Contact" (id, "workspaceId", name, email, phone, company, "createdAt", "updatedAt")
    SELECT 'ct' || lpad(i::text, 9, '0'), ${ws}, f || ' ' || l,
           lower(f || '.' || l || '.' || i || '@' || (${textArray(domains)})[1 + co]),
           CASE WHEN ${h("i", 4, 2)} = 0 THEN '+1 555 01' || lpad((i % 100)::text, 2, '0') END,
           (${textArray(COMPANIES)})[1 + co],
           ${now} - make_interval(days => ${spanDays}) + make_interval(secs => ${h("i", 5, spanDays * 86_400)}),
           ${now}
      FROM (SELECT i, ${pickFrom(textArray(FIRST), FIRST.length, "i", 1)} AS f,
                   ${pickFrom(textArray(LAST), LAST.length, "i", 2)} AS l, ${h("i", 3, COMPANIES.length)} AS co
              FROM generate_series(1, ${contacts}) i) c`;

  const ticketsSql = `
    INSERT INTO "Ticket" (id, "workspaceId", number, subject, status, priority, channel, "teamId", "assigneeId",
                          "contactId", "createdAt", "updatedAt", "firstResponseAt", "resolvedAt",
                          "slaPolicyId", "resolutionDueAt", "slaPausedAt", "slaDueAt", "slaBreachedAt", "resolutionMissed")
    SELECT 'tk' || lpad(i::text, 9, '0'), ${ws}, i,
           replace(replace((${subjects})[1 + s], '{month}', ${pickFrom(textArray(MONTHS), 12, "i", 8)}), '{n}', (1000 + i)::text),
           status::"TicketStatus", priority::"TicketPriority", channel::"Channel",
           (${teams})[(${subjectTeam})[1 + s]], assignee,
           'ct' || lpad((1 + ${h("i", 9, contacts)})::text, 9, '0'),
           created,
           least(created + make_interval(hours => 3 * (m - 1 + CASE WHEN status IN ('resolved', 'closed') THEN 1 ELSE 0 END)), ${now}),
           CASE WHEN assignee IS NOT NULL THEN least(created + interval '3 hours', ${now}) END,
           CASE WHEN status IN ('resolved', 'closed') THEN least(created + make_interval(hours => 3 * m), ${now}) END,
           CASE WHEN due IS NOT NULL THEN ${slaPolicy} END,
           due,
           CASE WHEN due IS NOT NULL AND status = 'pending' THEN least(created + make_interval(hours => 3 * (m - 1)), ${now}) END,
           CASE WHEN status = 'open' AND due > ${now} THEN due END,
           CASE WHEN status = 'open' AND due <= ${now} THEN due END,
           coalesce(status = 'open' AND due <= ${now}, false)
      FROM (SELECT *, CASE WHEN status = 'open' AND ${h("i", 13, 10)} < 3 THEN NULL
                           ELSE ${pickFrom(agents, input.agentIds.length, "i", 14)} END AS assignee,
                        CASE WHEN ${slaPolicy} IS NOT NULL AND status IN ('open', 'pending') THEN created + make_interval(hours =>
                          CASE priority ${slaHours} END) END AS due
              FROM (SELECT i, s, m, created,
                           CASE WHEN age > 20 THEN (ARRAY['closed','closed','closed','closed','closed','closed','resolved','resolved','resolved','pending'])[1 + ${h("i", 10, 10)}]
                                ELSE (ARRAY['open','open','open','open','open','pending','pending','pending','resolved','resolved'])[1 + ${h("i", 10, 10)}] END AS status,
                           (ARRAY['low','low','normal','normal','normal','normal','normal','normal','high','high','urgent'])[1 + ${h("i", 11, 11)}] AS priority,
                           (ARRAY['email','email','email','email','email','email','chat','chat','chat','web','web','phone'])[1 + ${h("i", 12, 12)}] AS channel
                      FROM (SELECT i, ${subjectOf("i")} AS s, ${messageCount("i")} AS m, age,
                                   ${now} - make_interval(secs => age * 86400 + ${h("i", 15, 3_600)}) AS created
                              FROM (SELECT i, ${spanDays} * power((${n} - i)::float8 / ${n}, 1.6) AS age
                                      FROM generate_series(1, ${n}) i) a) b) c) d`;

  const key = "t.number * 8 + j";
  const openerCount = intArray(OPENERS.map((o) => o.length));
  const openerStart = intArray(OPENERS.map((_, i) => OPENERS.slice(0, i).flat().length));
  const messagesSql = `
    INSERT INTO "Message" (id, "workspaceId", "ticketId", kind, "authorType", "authorUserId", "authorContactId", body, via, "createdAt")
    SELECT 'ms' || lpad(t.number::text, 9, '0') || j, ${ws}, t.id,
           CASE WHEN agent AND ${h(key, 20, 4)} = 0 THEN 'note' ELSE 'reply' END::"MessageKind",
           CASE WHEN agent THEN 'agent' ELSE 'contact' END::"AuthorType",
           CASE WHEN agent THEN t."assigneeId" END,
           CASE WHEN agent THEN NULL ELSE t."contactId" END,
           CASE WHEN j = 1 THEN (${textArray(OPENERS.flat())})[1 + (${openerStart})[team] + ${h(key, 22, `(${openerCount})[team]`)}]
                WHEN agent AND ${h(key, 20, 4)} = 0 THEN ${pickFrom(textArray(NOTES), NOTES.length, key, 23)}
                WHEN agent THEN ${pickFrom(textArray(REPLIES), REPLIES.length, key, 24)}
                ELSE ${pickFrom(textArray(CONTACT_REPLIES), CONTACT_REPLIES.length, key, 25)} END
             || ' ' || ${sentence(key, 30, 6)},
           CASE WHEN agent THEN 'web' ELSE 'system' END::"Via",
           least(t."createdAt" + make_interval(hours => 3 * (j - 1)), ${now})
      FROM "Ticket" t
      CROSS JOIN LATERAL generate_series(1, ${messageCount("t.number")}) j
      CROSS JOIN LATERAL (SELECT j % 2 = 0 AND t."assigneeId" IS NOT NULL AS agent,
                                 (${subjectTeam})[1 + ${subjectOf("t.number")}] AS team) a
     WHERE t."workspaceId" = ${ws}`;

  const ticketTagsSql = `
    INSERT INTO "TicketTag" ("workspaceId", "ticketId", "tagId", "createdAt")
    SELECT ${ws}, t.id, (${tags})[x.tag], t."createdAt"
      FROM "Ticket" t
      CROSS JOIN LATERAL (VALUES ((${subjectTag1})[1 + ${subjectOf("t.number")}]),
                                 ((${subjectTag2})[1 + ${subjectOf("t.number")}]),
                                 (CASE WHEN ${h("t.number", 40, 100)} < 15 THEN ${tagIndex("vip")} END),
                                 (CASE WHEN t.priority = 'urgent' AND ${h("t.number", 41, 2)} = 0 THEN ${tagIndex("urgent-followup")} END),
                                 (CASE WHEN ${h("t.number", 42, 100)} < 5 THEN ${tagIndex("churn-risk")} END)) x(tag)
     WHERE t."workspaceId" = ${ws} AND x.tag IS NOT NULL`;

  const activitySql = `
    INSERT INTO "TicketActivity" (id, "workspaceId", "ticketId", "actorUserId", via, action, changes, "createdAt")
    SELECT 'ac' || lpad(t.number::text, 9, '0') || k, ${ws}, t.id,
           CASE WHEN k = 1 THEN NULL ELSE t."assigneeId" END,
           CASE WHEN k = 1 THEN 'system' ELSE 'web' END::"Via",
           (ARRAY['create', 'assign', 'resolve'])[k],
           CASE k WHEN 1 THEN jsonb_build_object('subject', t.subject, 'channel', t.channel)
                  WHEN 2 THEN '{"assignee":{"from":null,"to":"self"}}'::jsonb
                  ELSE '{"status":{"from":"open","to":"resolved"}}'::jsonb END,
           CASE k WHEN 1 THEN t."createdAt" WHEN 2 THEN t."createdAt" + interval '1 minute' ELSE t."resolvedAt" END
      FROM "Ticket" t CROSS JOIN generate_series(1, 3) k
     WHERE t."workspaceId" = ${ws}
       AND (k = 1 OR (k = 2 AND t."assigneeId" IS NOT NULL) OR (k = 3 AND t."resolvedAt" IS NOT NULL))`;

  const auditActions = [
    "search_tickets",
    "get_ticket",
    "list_tickets",
    "update_ticket",
    "reply_to_ticket",
    "add_note",
    "get_backlog",
    "get_support_metrics",
    "user.invite",
    "settings.rate_limits",
  ];
  const auditSql = `
    INSERT INTO "AuditEvent" (id, "workspaceId", "actorUserId", via, action, outcome, "latencyMs", ip, details, "createdAt")
    SELECT 'au' || lpad(i::text, 10, '0'), ${ws}, ${pickFrom(agents, input.agentIds.length, "i", 50)},
           (ARRAY['mcp','mcp','mcp','web','cli'])[1 + ${h("i", 51, 5)}]::"Via",
           ${pickFrom(textArray(auditActions), auditActions.length, "i", 52)},
           CASE WHEN ${h("i", 53, 50)} = 0 THEN 'error' ELSE 'ok' END,
           5 + ${h("i", 54, 400)},
           '10.0.' || ${h("i", 55, 256)} || '.' || ${h("i", 56, 256)},
           NULL,
           ${now} - make_interval(secs => ${spanDays} * 86400.0 * (i - 1) / ${Math.max(1, input.auditEvents)})
      FROM generate_series(1, ${input.auditEvents}) i`;

  const clients = [await connect(), await connect()];
  const [main] = clients as [pg.Client, pg.Client];
  try {
    const deferred = await dropIndexesAndForeignKeys(main);
    await setRowTriggers(main, "DISABLE");
    await timed("rows", async () => {
      await runParallel(clients, [ticketsSql, contactsSql, ...(input.auditEvents > 0 ? [auditSql] : [])]);
      await runParallel(clients, [messagesSql, ticketTagsSql, activitySql]);
      await main.query(`UPDATE "Workspace" SET "ticketCounter" = ${n} WHERE id = ${ws}`);
    });
    await timed("search documents, counts and indexes", async () => {
      await buildSearchDocumentsAndCounts(main, input.workspaceId);
      await runParallel(
        clients,
        deferred.indexes.map((d) => d.sql),
      );
      await runParallel(
        clients,
        deferred.foreignKeys.map((d) => d.sql),
      );
    });
    // VACUUM as well: a bulk load leaves the visibility map unset, and until autovacuum comes round
    // every index-only scan (the created range, the covering list indexes) would visit the heap.
    await timed("VACUUM and ANALYZE", () => main.query("VACUUM (ANALYZE)"));
    const { rows } = await main.query<{ messages: number; contacts: number; audit: number }>(
      `SELECT (SELECT count(*)::int FROM "Message" WHERE "workspaceId" = ${ws}) AS messages,
              (SELECT count(*)::int FROM "Contact" WHERE "workspaceId" = ${ws}) AS contacts,
              (SELECT count(*)::int FROM "AuditEvent" WHERE "workspaceId" = ${ws}) AS audit`,
    );
    return { tickets: n, ...rows[0]! };
  } finally {
    // Even after a failed load, rows written later must keep their documents current.
    await setRowTriggers(main, "ENABLE").catch(() => undefined);
    await Promise.all(clients.map((c) => c.end()));
  }
}
