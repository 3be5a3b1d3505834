import "server-only";
import { getEnv } from "@/lib/env";
import { localDiskStorage } from "@/lib/storage/local-disk";
import { s3Storage } from "@/lib/storage/s3";
import type { FileStorage } from "@/lib/storage/types";

export type { FileStorage } from "@/lib/storage/types";
export { StoredFileMissing } from "@/lib/storage/types";

// The one file storage of the process: an S3-compatible bucket when S3_BUCKET is set, else local
// disk under ATTACHMENTS_DIR (.data/attachments). Pages, actions and tools only see FileStorage.

const globalForStorage = globalThis as unknown as { deskbridgeStorage?: FileStorage };

export function getStorage(): FileStorage {
  if (!globalForStorage.deskbridgeStorage) {
    const env = getEnv();
    globalForStorage.deskbridgeStorage = env.S3_BUCKET
      ? s3Storage({
          bucket: env.S3_BUCKET,
          region: env.S3_REGION,
          endpoint: env.S3_ENDPOINT,
          accessKeyId: env.S3_ACCESS_KEY_ID,
          secretAccessKey: env.S3_SECRET_ACCESS_KEY,
          forcePathStyle: env.S3_FORCE_PATH_STYLE === "1",
        })
      : localDiskStorage(env.ATTACHMENTS_DIR);
  }
  return globalForStorage.deskbridgeStorage;
}
