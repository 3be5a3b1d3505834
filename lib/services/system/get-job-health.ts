import "server-only";
import { getJobQueue } from "@/lib/jobs/queue";
import type { KindHealth } from "@/lib/jobs/queue";

/**
 * The job queue's health per kind, for admins. The queue serves the whole installation, so these
 * are counts of job kinds, never any workspace's jobs or payloads.
 */
export async function getJobHealth(): Promise<KindHealth[]> {
  return getJobQueue().health();
}
