// One PGlite backend shared by many client connections, each of which must
// behave as if it had a session of its own.
//
// Connections take turns, one protocol cycle at a time; a connection inside a
// transaction, or between a Flush and its Sync, keeps the backend until it is
// done. What one connection leaves in the session must not reach another:
//
// - Settings (SET, set_config, SET ROLE, SET SESSION AUTHORIZATION) and
//   SQL-level prepared statements belong to the connection that made them.
//   The backend holds one connection's at a time; when another connection's
//   turn comes they are read back, reset, and that connection's own restored.
//   Only connections that sent a statement that can change them pay for this:
//   the app's pooled connections, which never do, change hands for free.
// - Protocol-level named statements get a per-connection name in the backend,
//   so equal names on two connections never meet; the unnamed statement is
//   parsed again for its connection if another one replaced it in between.
// - LISTEN: the backend listens on every channel some connection listens on,
//   and each notification goes to the connections listening on its channel.
// - A connection that goes away has its transaction rolled back and its
//   statements, settings and channels dropped.
//
// Left shared, as in any single backend: temporary tables, WITH HOLD cursors,
// session advisory locks, and settings changed from inside a function body.
import {
  closeStatementMessage,
  createNotificationFilter,
  queryMessage,
  readMessage,
  renameStatement,
  syncMessage,
} from "./embedded-db-wire.mjs";
import { classifySql, findPrepare, quoteIdentifier, quoteLiteral } from "./embedded-db-sql.mjs";

export const logError = (what, error) =>
  console.error(`[deskbridge] embedded database: ${what}:`, error instanceof Error ? error.message : error);

const CAPTURE_SQL = `
  SELECT 'set' AS kind, name, setting AS value FROM pg_catalog.pg_settings WHERE source = 'session'
  UNION ALL
  SELECT 'set', n, pg_catalog.current_setting(n, true) FROM pg_catalog.unnest($1::text[]) AS n
    WHERE pg_catalog.current_setting(n, true) <> ''
  UNION ALL
  SELECT 'user', session_user::text, NULL WHERE session_user::text <> $2
  UNION ALL
  SELECT 'role', pg_catalog.current_setting('role'), NULL WHERE pg_catalog.current_setting('role') <> 'none'
  UNION ALL
  SELECT 'prepare', name, statement FROM pg_catalog.pg_prepared_statements WHERE from_sql`;

const DEALLOCATE_SQL_PREPARED = `DO $$
  DECLARE statement record;
  BEGIN
    FOR statement IN SELECT name FROM pg_catalog.pg_prepared_statements WHERE from_sql LOOP
      EXECUTE pg_catalog.format('DEALLOCATE %I', statement.name);
    END LOOP;
  END $$`;

function createTurns() {
  let busy = false;
  let holder = null;
  const waiters = [];
  const eligible = (conn) => !busy && (holder === null || holder === conn);
  return {
    async take(conn) {
      // When the backend is free, every waiter is blocked on another
      // connection's transaction, so an eligible caller may go first.
      if (eligible(conn)) busy = true;
      else await new Promise((resolve) => waiters.push({ conn, resolve }));
    },
    give(conn, keep) {
      holder = keep ? conn : null;
      busy = false;
      const index = waiters.findIndex((waiter) => eligible(waiter.conn));
      if (index === -1) return;
      const [waiter] = waiters.splice(index, 1);
      busy = true;
      waiter.resolve();
    },
  };
}

export async function createSharedBackend(db) {
  const turns = createTurns();
  const conns = new Set();
  const baselineUser = (await db.query("SELECT session_user::text AS name")).rows[0].name;
  let nextId = 1;
  let loaded = null; // the connection whose settings and SQL prepared statements the backend holds
  let unnamedOwner = null; // the connection whose unnamed statement the backend holds
  let listenChange = null; // a connection changing its LISTEN registrations: { conn, xid }
  let stopped = false;

  async function sql(text, params) {
    unnamedOwner = null; // every query replaces the unnamed statement
    return db.query(text, params);
  }

  async function exec(text) {
    unnamedOwner = null;
    return db.exec(text);
  }

  async function capture(conn) {
    const { rows } = await sql(CAPTURE_SQL, [[...conn.customSettings], baselineUser]);
    const saved = { settings: new Map(), user: null, role: null, prepared: [] };
    for (const row of rows) {
      if (row.kind === "set") saved.settings.set(row.name, row.value);
      else if (row.kind === "user") saved.user = row.name;
      else if (row.kind === "role") saved.role = row.name;
      else {
        const statement = findPrepare(row.value, row.name);
        if (statement) saved.prepared.push(statement);
        else logError(`could not keep prepared statement ${row.name}`, "its PREPARE was not found");
      }
    }
    const empty = !saved.settings.size && !saved.user && !saved.role && !saved.prepared.length;
    return empty ? null : saved;
  }

  /** Back to the defaults; `saved` (when known) says which parts need it. */
  async function resetSession(saved = null) {
    const statements = ["RESET ALL"];
    if (!saved || saved.user) statements.unshift(`SET SESSION AUTHORIZATION ${quoteIdentifier(baselineUser)}`);
    if (!saved || saved.role) statements.push("RESET ROLE");
    if (!saved || saved.prepared.length) statements.push(DEALLOCATE_SQL_PREPARED);
    await exec(statements.join("; "));
  }

  async function restore(conn) {
    const { settings, user, role, prepared } = conn.saved;
    for (const statement of prepared) await exec(statement).catch((error) => logError("restoring a PREPARE", error));
    // The session user and role go last: the other settings may need the rights they drop.
    const values = [...settings];
    if (user) values.push(["session_authorization", user]);
    if (role) values.push(["role", role]);
    if (!values.length) return;
    const setConfig = ([name, value]) =>
      `SELECT pg_catalog.set_config(${quoteLiteral(name)}, ${quoteLiteral(value)}, false)`;
    try {
      await exec(values.map(setConfig).join("; "));
    } catch {
      // One refused value (a role dropped since) must not cost the others.
      for (const entry of values) {
        await exec(setConfig(entry)).catch((error) => logError(`restoring setting ${entry[0]}`, error));
      }
    }
  }

  /** Makes the backend's session state `conn`'s own. */
  async function switchTo(conn) {
    if (loaded === conn || (loaded === null && !conn?.saved)) return;
    if (loaded) {
      const previous = loaded;
      loaded = null;
      let known = true;
      if (previous.dirty) {
        previous.dirty = false;
        try {
          previous.saved = await capture(previous);
        } catch (error) {
          logError("reading a connection's settings", error);
          known = false;
        }
      }
      if (previous.saved || !known) {
        await resetSession(known ? previous.saved : null).catch((error) => logError("resetting the session", error));
      }
    }
    if (conn?.saved) {
      await restore(conn);
      loaded = conn;
    }
  }

  const channelsOfOthers = (conn) => {
    const channels = new Set();
    for (const other of conns) if (other !== conn) for (const channel of other.channels) channels.add(channel);
    return channels;
  };

  /** Makes the backend listen on exactly the channels some connection listens on. */
  async function syncListens() {
    const wanted = channelsOfOthers(null);
    const { rows } = await sql("SELECT pg_catalog.pg_listening_channels() AS channel");
    const current = new Set(rows.map((row) => row.channel));
    const statements = [
      ...[...wanted].filter((channel) => !current.has(channel)).map((channel) => `LISTEN ${quoteIdentifier(channel)}`),
      ...[...current]
        .filter((channel) => !wanted.has(channel))
        .map((channel) => `UNLISTEN ${quoteIdentifier(channel)}`),
    ];
    if (statements.length) await exec(statements.join("; "));
  }

  // While `conn` changes its registrations the backend listens on its channels
  // only, so what the backend listens on afterwards is exactly `conn`'s.
  async function beginListenChange(conn) {
    let xid = null;
    if (db.isInTransaction()) {
      // Registrations made in a transaction apply at its commit; the xid tells
      // afterwards whether it committed. A failed transaction refuses the query
      // and the LISTEN alike, so there is nothing to follow.
      try {
        xid = (await sql("SELECT pg_catalog.pg_current_xact_id()::text AS xid")).rows[0].xid;
      } catch {
        return;
      }
    }
    const othersOnly = [...channelsOfOthers(conn)].filter((channel) => !conn.channels.has(channel));
    if (othersOnly.length) await exec(othersOnly.map((channel) => `UNLISTEN ${quoteIdentifier(channel)}`).join("; "));
    listenChange = { conn, xid };
  }

  async function endListenChange() {
    const { conn, xid } = listenChange;
    listenChange = null;
    const committed =
      xid === null ||
      (await sql("SELECT pg_catalog.pg_xact_status($1::xid8) AS status", [xid])).rows[0].status === "committed";
    if (committed && conns.has(conn)) {
      const { rows } = await sql("SELECT pg_catalog.pg_listening_channels() AS channel");
      conn.channels = new Set(rows.map((row) => row.channel));
    }
    await syncListens();
  }

  /** After DEALLOCATE ALL or DISCARD ALL by `actor`, the other connections get their statements back. */
  async function reparseStatementsOfOthers(actor) {
    actor.parses.clear();
    unnamedOwner = null;
    for (const other of conns) {
      if (other === actor || other.parses.size === 0) continue;
      // A statement is parsed with its own connection's settings (search_path).
      await switchTo(other);
      const messages = [...other.parses.values()].flatMap((parse) => [parse, syncMessage()]);
      await db.execProtocolStream(Buffer.concat(messages), { throwOnError: false });
    }
  }

  /** Sends a cycle to the backend, routing any notification to the connections listening on its channel. */
  async function execute(conn, bytes) {
    let routing = listenChange !== null;
    for (const other of conns) routing ||= other.channels.size > 0;
    const deliver = (channel, message) => {
      for (const other of conns) {
        if (other.channels.has(channel) || listenChange?.conn === other) other.write(message);
      }
    };
    const filter = routing ? createNotificationFilter((data) => conn.write(data), deliver) : null;
    await db.runExclusive(() =>
      db.execProtocolRawStream(bytes, {
        onRawData: (data) => {
          if (data.length === 0) return;
          const copy = Buffer.from(data);
          if (filter) filter(copy);
          else conn.write(copy);
        },
      }),
    );
  }

  /**
   * Gives each named statement a backend name of the connection's own and
   * notes what the cycle may change in the session.
   */
  function prepareCycle(conn, messages) {
    const plan = { bytes: null, session: false, listen: false, dropsPrepared: false, unnamedToReplay: null };
    let unnamed = "kept"; // what the cycle does to the unnamed statement: kept, parsed or dropped
    const out = messages.map((message) => {
      const read = readMessage(message);
      if (read.sql !== undefined) {
        const effects = classifySql(read.sql);
        if (effects.session) {
          plan.session = true;
          // Setting names are case-insensitive and arrive in the client's encoding.
          for (const name of classifySql(Buffer.from(read.sql, "latin1").toString("utf8")).customSettings) {
            conn.customSettings.add(name.toLowerCase());
          }
        }
        plan.listen ||= effects.listen;
        plan.dropsPrepared ||= effects.dropsPrepared;
      }
      if (read.type === "Q") {
        unnamed = "dropped";
        return message;
      }
      if (read.statement === undefined) return message;
      if (read.statement === "") {
        if (read.type === "P") {
          unnamed = "parsed";
          conn.unnamedParse = message;
        } else if (unnamed === "kept") {
          // Bound or described before this cycle parses it: the one parsed in an earlier cycle.
          plan.unnamedToReplay ??= conn.unnamedParse;
        }
        return message;
      }
      let backendName = conn.statements.get(read.statement);
      if (read.type === "P") {
        backendName ??= `deskbridge_${conn.id}_${conn.statements.size + 1}`;
        conn.statements.set(read.statement, backendName);
        const renamed = renameStatement(message, backendName);
        conn.parses.set(backendName, renamed);
        return renamed;
      }
      // An unknown name may be one of the connection's SQL-level PREPAREs.
      if (backendName === undefined) return message;
      if (read.type === "C") conn.parses.delete(backendName);
      return renameStatement(message, backendName);
    });
    if (unnamed === "dropped") conn.unnamedParse = null;
    plan.unnamed = unnamed;
    plan.bytes = Buffer.concat(out);
    return plan;
  }

  // Whether `conn` must keep the backend: inside a transaction, or between a Flush and its Sync.
  const keepsBackend = (conn) => conn.midExchange || db.isInTransaction();

  async function runCycle(conn, messages) {
    await turns.take(conn);
    if (stopped) return turns.give(conn, false);
    try {
      const plan = prepareCycle(conn, messages);
      await switchTo(conn);
      if (plan.session) {
        conn.dirty = true;
        loaded = conn;
      }
      // Between a Flush and its Sync any query of ours would end the client's
      // implicit transaction, so a LISTEN sent there is not followed.
      if (plan.listen && listenChange?.conn !== conn && !conn.midExchange) {
        await beginListenChange(conn).catch((error) => logError("preparing a LISTEN change", error));
      }
      if (plan.unnamedToReplay && unnamedOwner !== conn) {
        unnamedOwner = conn;
        await db.execProtocolStream(Buffer.concat([plan.unnamedToReplay, syncMessage()]), { throwOnError: false });
      }
      await execute(conn, plan.bytes);
      if (plan.unnamed !== "kept") unnamedOwner = plan.unnamed === "parsed" ? conn : null;
      conn.midExchange = messages.at(-1)?.[0] === 0x48; // ended with Flush: the Sync is still to come
      if (plan.dropsPrepared) conn.reparseOthers = true;
      if (keepsBackend(conn)) return;
      if (listenChange?.conn === conn) {
        await endListenChange().catch((error) => logError("following a LISTEN change", error));
      }
      if (conn.reparseOthers) {
        conn.reparseOthers = false;
        await reparseStatementsOfOthers(conn).catch((error) => logError("restoring prepared statements", error));
      }
    } finally {
      turns.give(conn, keepsBackend(conn));
    }
  }

  async function runStartup(conn, message) {
    await turns.take(conn);
    try {
      // The startup answer reports settings, which must be the defaults.
      await switchTo(null);
      await execute(conn, message);
    } finally {
      turns.give(conn, false);
    }
  }

  async function rollBack(conn) {
    // Ends an explicit transaction or one left open by Parse/Bind/Execute and
    // Flush; after an error the backend skips messages until Sync, so a second
    // ROLLBACK follows the Sync.
    await db.execProtocolStream(Buffer.concat([queryMessage("ROLLBACK"), syncMessage()]), { throwOnError: false });
    if (db.isInTransaction()) await exec("ROLLBACK");
    conn.midExchange = false;
  }

  async function disconnect(conn) {
    if (stopped) return;
    await turns.take(conn);
    try {
      if (keepsBackend(conn)) await rollBack(conn);
      if (loaded === conn) {
        loaded = null;
        // Settings made since the last capture are unknown: reset them all.
        await resetSession(conn.dirty ? null : conn.saved);
      }
      const names = new Set([...conn.statements.values(), ...conn.parses.keys()]);
      if (names.size) {
        const closes = [...names].map((name) => closeStatementMessage(name));
        await db.execProtocolStream(Buffer.concat([...closes, syncMessage()]), { throwOnError: false });
      }
    } finally {
      if (unnamedOwner === conn) unnamedOwner = null;
      conns.delete(conn);
      const wasChanging = listenChange?.conn === conn;
      if (wasChanging) listenChange = null;
      try {
        if (conn.channels.size || wasChanging) await syncListens();
      } finally {
        turns.give(conn, false);
      }
    }
  }

  return {
    /** A session for one client connection; `write` sends bytes to its socket. */
    connect(write) {
      const conn = {
        id: nextId++,
        write,
        saved: null,
        dirty: false,
        customSettings: new Set(),
        statements: new Map(),
        parses: new Map(),
        unnamedParse: null,
        channels: new Set(),
        midExchange: false,
        reparseOthers: false,
      };
      conns.add(conn);
      return {
        startup: (message) => runStartup(conn, message),
        cycle: (messages) => runCycle(conn, messages),
        close: () => disconnect(conn),
      };
    },
    /** The database is closing: connections going away leave it alone. */
    stop() {
      stopped = true;
    },
  };
}
