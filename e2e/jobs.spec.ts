// Settings → Background jobs: admins see the queue's health per job kind; agents are not offered it.
import { expect, test } from "./fixtures";
import { JobsPage } from "./pages/jobs-page";

test("an admin sees each job kind with its waiting, running, failed and dead counts", async ({ page, signInAs }) => {
  await signInAs("admin");
  await page.getByRole("link", { name: "Jobs" }).click();
  const jobs = new JobsPage(page);
  await expect(page.getByRole("heading", { name: "Background jobs" })).toBeVisible();
  for (const kind of ["audit-retention", "job-receipt-retention"]) {
    await expect(jobs.row(kind)).toBeVisible();
    for (const column of ["waiting", "running", "failed", "dead"] as const) {
      await expect(jobs.cell(kind, column)).toHaveText(/^\d+$/);
    }
  }
});

test("an agent has no Jobs link", async ({ page, signInAs }) => {
  await signInAs("agent");
  await expect(page.getByRole("link", { name: "Tickets" }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Jobs" })).toHaveCount(0);
});
