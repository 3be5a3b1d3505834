// The embedded database over the wire, with the real pg driver and a raw
// protocol client: connections sharing PGlite's one backend must each behave
// as if they had a session of their own.
import { once } from "node:events";
import net from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded-db.mjs";

type Embedded = Awaited<ReturnType<typeof startEmbeddedPostgres>>;
let server: Embedded;
const clients: pg.Client[] = [];

beforeAll(async () => {
  server = await startEmbeddedPostgres({ port: 0 });
  const setup = await connect();
  await setup.query(`CREATE TABLE "Widget" (id serial PRIMARY KEY, name text NOT NULL)`);
  await setup.end();
}, 60_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
  await server?.stop();
});

async function connect() {
  const client = new pg.Client({ connectionString: server.url });
  client.on("error", () => undefined); // a test may kill its socket
  await client.connect();
  clients.push(client);
  return client;
}

const value = async (client: pg.Client | pg.Pool, sql: string, params: unknown[] = []) =>
  Object.values((await client.query(sql, params)).rows[0] as Record<string, unknown>)[0];

/** A bare protocol client: sends frontend messages as given and collects what comes back. */
async function rawConnect() {
  const socket = net.connect(server.port, "127.0.0.1");
  await once(socket, "connect");
  const received: { type: string; body: Buffer }[] = [];
  let buffer = Buffer.alloc(0);
  let wake = () => undefined as void;
  socket.on("data", (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    while (buffer.length >= 5 && buffer.length >= buffer.readInt32BE(1) + 1) {
      const length = buffer.readInt32BE(1) + 1;
      received.push({ type: String.fromCharCode(buffer[0]!), body: buffer.subarray(5, length) });
      buffer = buffer.subarray(length);
    }
    wake();
  });
  /** Waits for the next message of `type` and returns everything up to it. */
  const until = async (type: string) => {
    for (;;) {
      const index = received.findIndex((message) => message.type === type);
      if (index !== -1) return received.splice(0, index + 1);
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };
  const parameters = Buffer.from("user\0postgres\0database\0postgres\0\0");
  const startup = Buffer.alloc(8);
  startup.writeInt32BE(8 + parameters.length, 0);
  startup.writeInt32BE(196608, 4);
  socket.write(Buffer.concat([startup, parameters]));
  await until("Z");
  return { send: (...messages: Buffer[]) => socket.write(Buffer.concat(messages)), until, end: () => socket.end() };
}

const cstring = (text: string) => Buffer.from(`${text}\0`);
function message(type: string, ...parts: Buffer[]) {
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(5);
  header.write(type);
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}
const int16 = (n: number) => Buffer.from([n >> 8, n & 255]);
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const parse = (name: string, sql: string) => message("P", cstring(name), cstring(sql), int16(0));
const bind = (statement: string, values: string[]) =>
  message(
    "B",
    cstring(""),
    cstring(statement),
    int16(0),
    int16(values.length),
    ...values.flatMap((v) => [int32(Buffer.byteLength(v)), Buffer.from(v)]),
    int16(0),
  );
const describeStatement = (name: string) => message("D", Buffer.from("S"), cstring(name));
const execute = () => message("E", cstring(""), int32(0));
const sync = () => message("S");
const flush = () => message("H");
/** The first column of the DataRow messages among `messages`, as text. */
const dataRows = (messages: { type: string; body: Buffer }[]) =>
  messages.filter((m) => m.type === "D").map((m) => m.body.subarray(6, 6 + m.body.readInt32BE(2)).toString("utf8"));
const errors = (messages: { type: string; body: Buffer }[]) =>
  messages.filter((m) => m.type === "E").map((m) => m.body.toString("utf8"));

describe("embedded database: connections sharing one backend", () => {
  it("keeps named prepared statements of the same name apart on two connections", async () => {
    const [a, b] = [await connect(), await connect()];
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        i % 2 === 0
          ? a.query({ name: "s1", text: "SELECT $1::int * 2 AS v", values: [i] })
          : b.query({ name: "s1", text: "SELECT 'b:' || $1::text AS v", values: [i] }),
      ),
    );
    expect(results.map((r) => r.rows[0].v)).toEqual([0, "b:1", 4, "b:3", 8, "b:5", 12, "b:7"]);
  });

  it("lets no other connection in between a Flush and its Sync", async () => {
    const a = await rawConnect();
    const b = await connect();
    a.send(parse("", "SELECT $1::int * 2 AS v"), describeStatement(""), flush());
    // Sent while A's exchange is open; a simple query would replace A's unnamed statement.
    const other = b.query("SELECT 'b' AS v");
    await a.until("T");
    a.send(bind("", ["21"]), execute(), sync());
    const answer = await a.until("Z");
    expect(errors(answer)).toEqual([]);
    expect(dataRows(answer)).toEqual(["42"]);
    expect((await other).rows[0].v).toBe("b");
    a.end();
  });

  it("keeps a connection's unnamed statement across another connection's turn", async () => {
    const a = await rawConnect();
    const b = await connect();
    a.send(parse("", "SELECT $1::int + 1 AS v"), sync());
    expect(errors(await a.until("Z"))).toEqual([]);
    expect(await value(b, "SELECT $1::text AS v", ["b"])).toBe("b");
    a.send(bind("", ["41"]), execute(), sync());
    const answer = await a.until("Z");
    expect(errors(answer)).toEqual([]);
    expect(dataRows(answer)).toEqual(["42"]);
    a.end();
  });

  it("holds other connections back while one has a transaction open, until it commits", async () => {
    const [a, b] = [await connect(), await connect()];
    await a.query("BEGIN");
    await a.query(`INSERT INTO "Widget" (name) VALUES ('in transaction')`);
    let bAnswered = false;
    const count = b
      .query(`SELECT count(*)::int AS n FROM "Widget" WHERE name = 'in transaction'`)
      .then((r) => ((bAnswered = true), r.rows[0].n));
    await a.query("SELECT 1");
    await a.query(`UPDATE "Widget" SET name = name WHERE name = 'in transaction'`);
    expect(bAnswered).toBe(false);
    await a.query("COMMIT");
    expect(await count).toBe(1);
  });

  it("keeps SET and set_config to the connection that ran them, on its every turn", async () => {
    const [a, b] = [await connect(), await connect()];
    await a.query("SET search_path TO ''");
    await a.query("SELECT pg_catalog.set_config('deskbridge.probe', $1, false)", [String.raw`it's A's \value`]);
    await a.query("SET statement_timeout = '7s'");
    expect(await value(b, "SELECT current_setting('search_path')")).toBe("public");
    expect(await value(b, "SELECT coalesce(current_setting('deskbridge.probe', true), '')")).toBe("");
    expect(await value(b, "SELECT current_setting('statement_timeout')")).toBe("0");
    expect(await value(a, "SELECT pg_catalog.current_setting('search_path')")).toBe('""');
    expect(await value(a, "SELECT pg_catalog.current_setting('deskbridge.probe')")).toBe(String.raw`it's A's \value`);
    expect(await value(a, "SELECT pg_catalog.current_setting('statement_timeout')")).toBe("7s");
    await b.query("SET application_name = 'b'");
    expect(await value(a, "SELECT pg_catalog.current_setting('application_name')")).toBe("");
    expect(await value(b, "SELECT current_setting('application_name')")).toBe("b");
  });

  it("keeps SET ROLE to the connection that ran it", async () => {
    const [a, b] = [await connect(), await connect()];
    await a.query("CREATE ROLE embedded_reader");
    await a.query("SET ROLE embedded_reader");
    expect(await value(b, "SELECT current_user")).toBe("postgres");
    expect(await value(a, "SELECT current_user")).toBe("embedded_reader");
    await a.query("RESET ROLE");
  });

  it("keeps SQL-level prepared statements of the same name apart", async () => {
    const [a, b] = [await connect(), await connect()];
    await a.query("PREPARE dump_func(int) AS SELECT $1 + 100; SELECT 1");
    await b.query("PREPARE dump_func(int) AS SELECT $1 + 200");
    expect(await value(a, "EXECUTE dump_func(1)")).toBe(101);
    expect(await value(b, "EXECUTE dump_func(1)")).toBe(201);
    await a.query("DEALLOCATE dump_func");
    expect(await value(b, "EXECUTE dump_func(2)")).toBe(202);
  });

  it("leaves other connections' prepared statements alone when one runs DISCARD ALL", async () => {
    const [a, b] = [await connect(), await connect()];
    const kept = { name: "kept", text: "SELECT $1::int + 1 AS v" };
    expect((await a.query({ ...kept, values: [1] })).rows[0].v).toBe(2);
    await b.query("DISCARD ALL");
    // The driver remembers `kept` as prepared and sends only Bind/Execute.
    expect((await a.query({ ...kept, values: [2] })).rows[0].v).toBe(3);
  });

  it("delivers a notification to the connections that LISTEN on its channel, and only to them", async () => {
    const [a, b, c] = [await connect(), await connect(), await connect()];
    const got: Record<string, string[]> = { a: [], b: [], c: [] };
    for (const [name, client] of Object.entries({ a, b, c })) {
      client.on("notification", (n) => got[name]!.push(`${n.channel}:${n.payload}`));
    }
    await a.query("LISTEN widgets");
    await b.query("NOTIFY widgets, 'one'");
    await a.query("SELECT 1"); // anything sent to A before this answer has arrived
    expect(got).toEqual({ a: ["widgets:one"], b: [], c: [] });

    await c.query(`LISTEN "Other Channel"`);
    await c.query("LISTEN widgets");
    await b.query("SELECT pg_notify('widgets', 'two'); NOTIFY \"Other Channel\", 'three'");
    await a.query("SELECT 1");
    await c.query("SELECT 1");
    expect(got).toEqual({ a: ["widgets:one", "widgets:two"], b: [], c: ["widgets:two", "Other Channel:three"] });

    await a.query("UNLISTEN widgets");
    await b.query("NOTIFY widgets, 'four'");
    await a.query("SELECT 1");
    await c.query("SELECT 1");
    expect(got.a).toEqual(["widgets:one", "widgets:two"]);
    expect(got.c!.at(-1)).toBe("widgets:four");
    expect(await value(a, "SELECT count(*)::int FROM pg_listening_channels()")).toBe(0);
  });

  it("rolls back a client that dies mid-transaction, drops its settings, and carries on", async () => {
    const [a, b] = [await connect(), await connect()];
    await a.query("SET search_path TO ''");
    await a.query("BEGIN");
    await a.query(`INSERT INTO public."Widget" (name) VALUES ('never committed')`);
    a.connection.stream.destroy();
    expect(await value(b, `SELECT count(*)::int FROM "Widget" WHERE name = 'never committed'`)).toBe(0);
    expect(await value(b, "SELECT current_setting('search_path')")).toBe("public");
    await b.query(`INSERT INTO "Widget" (name) VALUES ('after')`);
    expect(await value(b, `SELECT count(*)::int FROM "Widget" WHERE name = 'after'`)).toBe(1);
  });

  it("keeps the app's unqualified queries working while and after a client empties search_path, as pg_dump does", async () => {
    const app = new pg.Pool({ connectionString: server.url, max: 4 });
    try {
      const dump = await connect();
      await dump.query("SELECT pg_catalog.set_config('search_path', '', false)");
      const during = await Promise.all(
        Array.from({ length: 12 }, () => value(app, `SELECT count(*)::int FROM "Widget" WHERE id > $1`, [0])),
      );
      expect(during.every((n) => typeof n === "number")).toBe(true);
      await dump.end();
      expect(typeof (await value(app, `SELECT count(*)::int FROM "Widget"`))).toBe("number");
    } finally {
      await app.end();
    }
  });
});
