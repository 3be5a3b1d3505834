import { describe, expect, it } from "vitest";
import { classifySql, findPrepare, splitStatements } from "./embedded-db-sql.mjs";

describe("embedded database SQL reading", () => {
  it("finds statements that can change the session, and not the app's queries", () => {
    expect(classifySql(`SELECT pg_catalog.set_config('search_path', '', false)`).session).toBe(true);
    expect(classifySql(`/* pg_dump */ SET statement_timeout = 0`).session).toBe(true);
    expect(classifySql(`SELECT 1; set myapp.tenant = 'x'`)).toMatchObject({
      session: true,
      customSettings: ["myapp.tenant"],
    });
    expect(classifySql(`SELECT set_config('app.user', '7', false)`).customSettings).toEqual(["app.user"]);
    expect(classifySql(`PREPARE q AS SELECT 1`).session).toBe(true);
    expect(classifySql(`DISCARD ALL`)).toMatchObject({ session: true, listen: true, dropsPrepared: true });
    expect(classifySql(`DEALLOCATE PREPARE ALL`).dropsPrepared).toBe(true);
    expect(classifySql(`LISTEN "Some Channel"`).listen).toBe(true);
    expect(classifySql(`SELECT * FROM pg_listening_channels()`).listen).toBe(true);

    const none = { session: false, listen: false, dropsPrepared: false };
    expect(classifySql(`UPDATE "public"."Ticket" SET "status" = $1 WHERE "id" = $2`)).toMatchObject(none);
    expect(classifySql(`INSERT INTO t VALUES (1) ON CONFLICT (id) DO UPDATE SET n = t.n + 1`)).toMatchObject(none);
    expect(classifySql(`SET TRANSACTION ISOLATION LEVEL SERIALIZABLE`)).toMatchObject(none);
    expect(classifySql(`SET LOCAL search_path TO ''`)).toMatchObject(none);
    expect(classifySql(`SELECT 'a; SET x = 1' AS text`)).toMatchObject(none);
    expect(classifySql(`SELECT $$; LISTEN x$$ AS text -- ; DISCARD ALL`)).toMatchObject(none);
  });

  it("splits statements around quotes, dollar quotes, comments and parentheses", () => {
    const sql = `SELECT ';' AS "a;b"; /* ; */ DO $body$ BEGIN PERFORM 1; END $body$; SELECT E'\\';'; (SELECT 1)`;
    expect(splitStatements(sql).map(([start, end]) => sql.slice(start, end).trim())).toEqual([
      `SELECT ';' AS "a;b"`,
      `DO $body$ BEGIN PERFORM 1; END $body$`,
      `SELECT E'\\';'`,
      `(SELECT 1)`,
    ]);
  });

  it("finds the PREPARE of a statement among the others sent with it", () => {
    const sql = `SELECT 1; PREPARE a(int) AS SELECT $1 + 1; PREPARE "B x" AS SELECT ';'; SELECT 2`;
    expect(findPrepare(sql, "a")).toBe("PREPARE a(int) AS SELECT $1 + 1");
    expect(findPrepare(sql, "B x")).toBe(`PREPARE "B x" AS SELECT ';'`);
    expect(findPrepare(sql, "c")).toBeNull();
  });
});
