/**
 * File storage: bytes under a key. Keys are made by the app (never by a client) and use only
 * [A-Za-z0-9._/-]; an engine keeps the bytes as given and knows nothing of tickets or workspaces.
 */
export interface FileStorage {
  /** "local" or "s3", for logs and tests. */
  readonly engine: "local" | "s3";
  put(key: string, bytes: Uint8Array, options?: { contentType?: string }): Promise<void>;
  /** The whole file; not_found when the key holds nothing. */
  get(key: string): Promise<Buffer>;
  /** The file as a stream, for downloads. */
  stream(key: string): Promise<ReadableStream<Uint8Array>>;
  /** Removes the file; a missing key is not an error. */
  delete(key: string): Promise<void>;
}

const KEY = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

/** Refuses keys that could leave the storage root (.., absolute paths, odd characters). */
export function checkStorageKey(key: string): string {
  if (!KEY.test(key) || key.length > 512 || key.split("/").some((part) => part === "." || part === ".."))
    throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
  return key;
}

export class StoredFileMissing extends Error {
  constructor(key: string) {
    super(`No stored file under ${key}`);
    this.name = "StoredFileMissing";
  }
}
