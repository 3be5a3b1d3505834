import { describe, expect, it } from "vitest";
import { createNotificationFilter, readMessage, renameStatement } from "./embedded-db-wire.mjs";

function backendMessage(type: string, body: Buffer) {
  const header = Buffer.alloc(5);
  header.write(type);
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}
const notification = (channel: string, payload: string) =>
  backendMessage("A", Buffer.concat([Buffer.from([0, 0, 0, 42]), Buffer.from(`${channel}\0${payload}\0`)]));

describe("embedded database wire", () => {
  it("passes output through and picks out notifications, however the chunks cut the messages", () => {
    const rows = backendMessage("D", Buffer.alloc(300, 7));
    const stream = Buffer.concat([
      backendMessage("C", Buffer.from("NOTIFY\0")),
      notification("widgets", "one"),
      rows,
      notification("Other Channel", "two"),
      backendMessage("Z", Buffer.from("I")),
    ]);
    const expectedOutput = Buffer.concat([
      backendMessage("C", Buffer.from("NOTIFY\0")),
      rows,
      backendMessage("Z", Buffer.from("I")),
    ]);
    for (const size of [1, 2, 3, 5, 7, 64, stream.length]) {
      const written: Buffer[] = [];
      const notified: string[] = [];
      const filter = createNotificationFilter(
        (data) => written.push(Buffer.from(data)),
        (channel, message) => notified.push(`${channel}:${message.length}`),
      );
      for (let offset = 0; offset < stream.length; offset += size) filter(stream.subarray(offset, offset + size));
      expect(Buffer.concat(written).equals(expectedOutput), `chunks of ${size}`).toBe(true);
      expect(notified).toEqual([
        `widgets:${notification("widgets", "one").length}`,
        `Other Channel:${notification("Other Channel", "two").length}`,
      ]);
    }
  });

  it("renames the statement a Parse, Bind, Describe or Close names, and nothing else", () => {
    const parse = backendMessage("P", Buffer.from("s1\0SELECT $1\0\0\0"));
    const renamedParse = renameStatement(parse, "deskbridge_3_1");
    expect(readMessage(renamedParse)).toEqual({ type: "P", statement: "deskbridge_3_1", sql: "SELECT $1" });
    const bind = backendMessage("B", Buffer.from("portal\0s1\0\0\0\0\0\0\0"));
    const renamedBind = renameStatement(bind, "deskbridge_3_1");
    expect(readMessage(renamedBind)).toEqual({ type: "B", statement: "deskbridge_3_1" });
    expect(renamedBind.subarray(5, 12).toString()).toBe("portal\0");
    expect(renamedBind.subarray(-6).equals(bind.subarray(-6))).toBe(true);
    expect(readMessage(renameStatement(backendMessage("C", Buffer.from("Ss1\0")), "x"))).toEqual({
      type: "C",
      statement: "x",
    });
    expect(readMessage(backendMessage("D", Buffer.from("Pportal\0")))).toEqual({ type: "D" });
  });
});
