// PostgreSQL wire-protocol pieces for the embedded database's connection
// sharing: reading and rewriting the frontend messages that name prepared
// statements, building the few messages the server sends on its own, and
// picking NotificationResponse messages out of the backend's output.

const EMPTY = Buffer.alloc(0);

/** Reads a NUL-terminated string; names are kept as bytes (latin1) so they round-trip exactly. */
function readCString(message, offset) {
  const end = message.indexOf(0, offset);
  return { value: message.toString("latin1", offset, end), next: end + 1 };
}

function cString(value) {
  return Buffer.concat([Buffer.from(value, "latin1"), Buffer.from([0])]);
}

function frame(type, body) {
  const header = Buffer.alloc(5);
  header.write(type, 0, "latin1");
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

export const syncMessage = () => frame("S", EMPTY);
export const queryMessage = (sql) => frame("Q", Buffer.concat([Buffer.from(sql, "utf8"), Buffer.from([0])]));
export const closeStatementMessage = (name) => frame("C", Buffer.concat([Buffer.from("S"), cString(name)]));

/**
 * What a frontend message says about prepared statements: the statement it
 * names (Parse, Bind, Describe/Close of a statement) and, for Parse and simple
 * Query, the SQL text.
 */
export function readMessage(message) {
  const type = String.fromCharCode(message[0]);
  if (type === "P") {
    const name = readCString(message, 5);
    const end = message.indexOf(0, name.next);
    return { type, statement: name.value, sql: message.toString("latin1", name.next, end) };
  }
  if (type === "B") {
    const portal = readCString(message, 5);
    return { type, statement: readCString(message, portal.next).value };
  }
  if ((type === "D" || type === "C") && message[5] === 0x53 /* S */) {
    return { type, statement: readCString(message, 6).value };
  }
  if (type === "Q") return { type, sql: message.toString("latin1", 5, message.length - 1) };
  return { type };
}

/** The same message with its statement name replaced. */
export function renameStatement(message, name) {
  const type = String.fromCharCode(message[0]);
  let start = 5;
  if (type === "B") start = readCString(message, 5).next;
  else if (type === "D" || type === "C") start = 6;
  const end = message.indexOf(0, start);
  return frame(type, Buffer.concat([message.subarray(5, start), Buffer.from(name, "latin1"), message.subarray(end)]));
}

/**
 * Splits a backend output stream into the bytes a connection receives and the
 * NotificationResponse messages, which the server routes to the connections
 * that listen on their channel. Output arrives in chunks that cut messages
 * anywhere; everything but notifications passes through untouched.
 *
 * @param {(data: Buffer) => void} write
 * @param {(channel: string, message: Buffer) => void} onNotification
 * @returns {(chunk: Buffer) => void}
 */
export function createNotificationFilter(write, onNotification) {
  let header = EMPTY; // the start of a message header cut off at the end of the last chunk
  let passing = 0; // bytes of the current message still to pass through
  let notification = null; // the NotificationResponse being collected
  let missing = 0;
  return (chunk) => {
    let offset = 0;
    let passFrom = 0; // start of the bytes of this chunk still to be written
    const passUntil = (end) => {
      if (end > passFrom) write(chunk.subarray(passFrom, end));
      passFrom = end;
    };
    while (offset < chunk.length) {
      if (passing > 0) {
        const take = Math.min(passing, chunk.length - offset);
        passing -= take;
        offset += take;
      } else if (notification) {
        const take = Math.min(missing, chunk.length - offset);
        notification = Buffer.concat([notification, chunk.subarray(offset, offset + take)]);
        missing -= take;
        offset += take;
        passFrom = offset;
        if (missing === 0) {
          onNotification(readCString(notification, 9).value, notification);
          notification = null;
        }
      } else {
        const start = offset;
        const carried = header.length > 0;
        const take = Math.min(5 - header.length, chunk.length - offset);
        header = Buffer.concat([header, chunk.subarray(offset, offset + take)]);
        offset += take;
        if (header.length < 5) {
          passUntil(start);
          passFrom = offset;
          break;
        }
        const bodyLength = header.readInt32BE(1) - 4;
        if (header[0] === 0x41 /* A */) {
          passUntil(start);
          passFrom = offset;
          notification = header;
          missing = bodyLength;
        } else {
          if (carried) {
            write(header);
            passFrom = offset;
          }
          passing = bodyLength;
        }
        header = EMPTY;
      }
    }
    passUntil(chunk.length);
  };
}
