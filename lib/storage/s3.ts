import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import { checkStorageKey, StoredFileMissing, type FileStorage } from "@/lib/storage/types";

export type S3StorageOptions = {
  bucket: string;
  region: string;
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle?: boolean;
};

function isMissing(error: unknown): boolean {
  return (
    error instanceof NoSuchKey ||
    (error as { name?: string })?.name === "NoSuchKey" ||
    (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode === 404
  );
}

/** Files in an S3-compatible bucket (AWS S3, MinIO, R2, …). */
export function s3Storage(options: S3StorageOptions): FileStorage {
  const config: S3ClientConfig = {
    region: options.region,
    forcePathStyle: options.forcePathStyle ?? false,
    // Checksums only where S3 requires them: many S3-compatible servers refuse the SDK's default
    // CRC trailers on every upload.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.accessKeyId && options.secretAccessKey
      ? { credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } }
      : {}),
  };
  const client = new S3Client(config);
  const Bucket = options.bucket;

  async function getObject(key: string) {
    try {
      const object = await client.send(new GetObjectCommand({ Bucket, Key: checkStorageKey(key) }));
      if (!object.Body) throw new StoredFileMissing(key);
      return object.Body;
    } catch (error) {
      if (isMissing(error)) throw new StoredFileMissing(key);
      throw error;
    }
  }

  return {
    engine: "s3",
    async put(key, bytes, putOptions) {
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key: checkStorageKey(key),
          Body: bytes,
          ContentLength: bytes.byteLength,
          ContentType: putOptions?.contentType ?? "application/octet-stream",
        }),
      );
    },
    async get(key) {
      const body = await getObject(key);
      return Buffer.from(await body.transformToByteArray());
    },
    async stream(key) {
      const body = await getObject(key);
      return body.transformToWebStream() as ReadableStream<Uint8Array>;
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: checkStorageKey(key) }));
    },
  };
}
