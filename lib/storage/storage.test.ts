// Both storage engines through the one FileStorage interface: local disk in a temporary directory,
// and S3 against s3rver, a local S3-compatible server this test starts on the loopback.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error -- s3rver ships no type declarations
import S3rver from "s3rver";
import { localDiskStorage } from "@/lib/storage/local-disk";
import { s3Storage } from "@/lib/storage/s3";
import { StoredFileMissing, type FileStorage } from "@/lib/storage/types";

const dirs: string[] = [];
const scratch = async (label: string) => {
  const dir = await mkdtemp(path.join(tmpdir(), `deskbridge-${label}-`));
  dirs.push(dir);
  return dir;
};

let s3server: { run(): Promise<{ port: number }>; close(): Promise<void> };
const engines: Record<string, FileStorage> = {};

beforeAll(async () => {
  engines.local = localDiskStorage(await scratch("disk"));
  s3server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory: await scratch("s3"),
    configureBuckets: [{ name: "deskbridge-test" }],
  });
  const { port } = await s3server.run();
  engines.s3 = s3Storage({
    bucket: "deskbridge-test",
    region: "us-east-1",
    endpoint: `http://127.0.0.1:${port}`,
    // s3rver's fixed key pair.
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    forcePathStyle: true,
  });
});

afterAll(async () => {
  await s3server?.close();
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe.each(["local", "s3"])("%s storage", (name) => {
  const storage = () => engines[name]!;
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(300_000, 7)]);

  it("keeps bytes under a key: put, get, stream, delete", async () => {
    const key = "ws1/ticket1/0123456789abcdef";
    await storage().put(key, png, { contentType: "image/png" });
    expect((await storage().get(key)).equals(png)).toBe(true);
    expect((await readAll(await storage().stream(key))).equals(png)).toBe(true);
    await storage().delete(key);
    await expect(storage().get(key)).rejects.toBeInstanceOf(StoredFileMissing);
    await expect(storage().stream(key)).rejects.toBeInstanceOf(StoredFileMissing);
    // Deleting what is gone is no error.
    await storage().delete(key);
  });

  it("replaces a file put again under the same key", async () => {
    const key = "ws1/ticket1/replaced";
    await storage().put(key, Buffer.from("first"));
    await storage().put(key, Buffer.from("second"));
    expect((await storage().get(key)).toString()).toBe("second");
  });

  it("refuses keys that could leave its root", async () => {
    for (const key of ["../escape", "/etc/passwd", "a/../../b", "a//b", "a\\b", ""])
      await expect(storage().put(key, Buffer.from("x"))).rejects.toThrow(/Invalid storage key/);
  });
});

describe("local storage", () => {
  it("leaves no half-written files behind", async () => {
    const dir = await scratch("atomic");
    const storage = localDiskStorage(dir);
    await storage.put("w/t/k", Buffer.from("done"));
    expect(await readdir(path.join(dir, "w", "t"))).toEqual(["k"]);
  });
});
