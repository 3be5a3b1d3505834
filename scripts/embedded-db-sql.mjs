// Just enough SQL reading for the embedded database to tell which statements
// can change a connection's session state. It errs towards "may change": a
// false alarm costs one query when the backend next changes hands.

// Cheap first look; only text that mentions one of these is split into statements.
const MAYBE_STATEFUL =
  /\b(?:set|reset|discard|prepare|deallocate|listen|unlisten|do|call|set_config|pg_listening_channels)\b/i;
// The backend listens for every connection; a connection asking what it listens
// on gets the backend to itself for that turn, like one that changes it.
const LISTENING_CHANNELS = /\bpg_listening_channels\b/i;
const SET_CONFIG = /\bset_config\s*\(\s*'((?:[^']|'')*)'/gi;
const SET_CUSTOM = /^set\s+(?:session\s+)?([a-z_][\w$]*\.[a-z_][\w$.]*)/i;
const WORD = /[a-z_][\w$]*|\*/iy;
const DOLLAR_TAG = /\$(?:[a-z_][\w]*)?\$/iy;

/**
 * The statements of a query string, as [start, end) ranges from each one's
 * first word, skipping comments and honouring quotes, dollar quotes and
 * parentheses.
 */
export function splitStatements(sql) {
  const statements = [];
  let start = -1;
  let depth = 0;
  let i = 0;
  const end = () => {
    if (start !== -1) statements.push([start, i]);
    start = -1;
  };
  while (i < sql.length) {
    const c = sql[i];
    const next = sql[i + 1];
    if (c === "-" && next === "-") {
      const newline = sql.indexOf("\n", i);
      i = newline === -1 ? sql.length : newline + 1;
      continue;
    }
    if (c === "/" && next === "*") {
      let nesting = 0;
      do {
        const opens = sql.startsWith("/*", i);
        const closes = sql.startsWith("*/", i);
        if (opens) nesting += 1;
        if (closes) nesting -= 1;
        i += opens || closes ? 2 : 1;
      } while (nesting > 0 && i < sql.length);
      continue;
    }
    if (/\s/.test(c)) {
      i += 1;
      continue;
    }
    if (start === -1) start = i;
    if (c === ";" && depth === 0) {
      end();
      i += 1;
      continue;
    }
    if (c === "(") depth += 1;
    else if (c === ")") depth = Math.max(0, depth - 1);
    if (c === "'" || c === '"') {
      const escapes = c === "'" && /[eE]/.test(sql[i - 1] ?? "") && !/[\w$]/.test(sql[i - 2] ?? "");
      i += 1;
      while (i < sql.length) {
        if (escapes && sql[i] === "\\") i += 2;
        else if (sql[i] === c && sql[i + 1] === c) i += 2;
        else if (sql[i] === c) break;
        else i += 1;
      }
      i += 1;
      continue;
    }
    if (c === "$" && !/[\w$]/.test(sql[i - 1] ?? "")) {
      DOLLAR_TAG.lastIndex = i;
      const tag = DOLLAR_TAG.exec(sql);
      if (tag) {
        const close = sql.indexOf(tag[0], i + tag[0].length);
        i = close === -1 ? sql.length : close + tag[0].length;
        continue;
      }
    }
    i += 1;
  }
  end();
  return statements;
}

function firstWords(statement, count) {
  const words = [];
  let i = 0;
  while (words.length < count && i < statement.length) {
    while (/\s/.test(statement[i] ?? "")) i += 1;
    WORD.lastIndex = i;
    const word = WORD.exec(statement);
    if (!word) break;
    words.push(word[0].toLowerCase());
    i = WORD.lastIndex;
  }
  return words;
}

/**
 * What the SQL may change in the session: settings or SQL-level prepared
 * statements (`session`), LISTEN registrations (`listen`), or every prepared
 * statement of the backend, protocol-level ones included (`dropsPrepared`).
 * `customSettings` are dotted setting names it sets, which PostgreSQL does not
 * list in pg_settings.
 */
export function classifySql(sql) {
  const effects = { session: false, listen: false, dropsPrepared: false, customSettings: [] };
  if (!MAYBE_STATEFUL.test(sql)) return effects;
  if (LISTENING_CHANNELS.test(sql)) effects.listen = true;
  for (const match of sql.matchAll(SET_CONFIG)) {
    effects.session = true;
    const name = match[1].replaceAll("''", "'");
    if (name.includes(".")) effects.customSettings.push(name);
  }
  for (const [start, end] of splitStatements(sql)) {
    const statement = sql.slice(start, end);
    const [first, second, third] = firstWords(statement, 3);
    switch (first) {
      case "set":
        if (second === "local" || second === "transaction" || second === "constraints") break;
        effects.session = true;
        {
          const custom = SET_CUSTOM.exec(statement);
          if (custom) effects.customSettings.push(custom[1].toLowerCase());
        }
        break;
      case "prepare":
        if (second !== "transaction") effects.session = true;
        break;
      case "deallocate":
        effects.session = true;
        if (second === "all" || (second === "prepare" && third === "all")) effects.dropsPrepared = true;
        break;
      case "discard":
        effects.session = true;
        if (second === "all") effects.listen = effects.dropsPrepared = true;
        break;
      case "reset":
      case "do":
      case "call":
        effects.session = true;
        break;
      case "listen":
      case "unlisten":
        effects.listen = true;
        break;
    }
  }
  return effects;
}

function readIdentifier(text, offset) {
  let i = offset;
  while (/\s/.test(text[i] ?? "")) i += 1;
  if (text[i] === '"') {
    let name = "";
    i += 1;
    while (i < text.length) {
      if (text[i] === '"' && text[i + 1] !== '"') return { name, next: i + 1 };
      name += text[i];
      i += text[i] === '"' ? 2 : 1;
    }
    return null;
  }
  WORD.lastIndex = i;
  const word = WORD.exec(text);
  return word ? { name: word[0].toLowerCase(), next: WORD.lastIndex } : null;
}

/**
 * The PREPARE statement that created prepared statement `name`, out of the
 * query string PostgreSQL remembers for it (which holds every statement sent
 * alongside), so it can be run again on its own.
 */
export function findPrepare(sql, name) {
  for (const [start, end] of splitStatements(sql)) {
    const statement = sql.slice(start, end);
    if (firstWords(statement, 1)[0] !== "prepare") continue;
    const identifier = readIdentifier(statement, "prepare".length);
    if (identifier?.name === name) return statement;
  }
  return null;
}

export const quoteIdentifier = (name) => `"${name.replaceAll('"', '""')}"`;

/** An escape-string literal, read the same whatever standard_conforming_strings says. */
export const quoteLiteral = (text) => `E'${text.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
