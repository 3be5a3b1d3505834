import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures";
import { SlaPage } from "./pages/sla-page";

test("an admin adds an SLA policy and a new ticket under it shows a running countdown", async ({
  page,
  signInAs,
  ticketPage,
}) => {
  const name = `Sales callbacks ${randomBytes(2).toString("hex")}`;
  await signInAs("admin");
  const sla = new SlaPage(page);
  await sla.goto();
  await sla.create(name, "Sales", "low", 45, 600);
  await expect(sla.row(name)).toContainText("team Sales");
  await expect(sla.row(name)).toContainText("low: respond 45 m, resolve 10 h");

  await page.goto("/tickets/new");
  await page.getByLabel("Contact email").fill("sla.countdown@example.com");
  await page.getByLabel("Subject").fill("Call me back about the quote");
  await page.getByLabel("First message (from the contact)").fill("Please call me back today.");
  await page.getByLabel("Priority").selectOption("low");
  await page.getByLabel("Team").selectOption({ label: "Sales" });
  await page.getByRole("button", { name: "Create ticket" }).click();
  await expect(page).toHaveURL(/\/tickets\/\d+$/);

  const panel = page.getByTestId("sla");
  await expect(panel).toContainText(`SLA · ${name}`);
  const firstResponse = page.getByTestId("sla-first-response");
  await expect(firstResponse).toHaveText(/First response4[45] m \d\d s left/);
  // Due within the hour: shown as coming up soon; the resolution, hours away, as running.
  await expect(firstResponse).toHaveAttribute("data-state", "soon");
  await expect(page.getByTestId("sla-resolution")).toHaveAttribute("data-state", "running");
  await expect(page.getByTestId("sla-resolution")).toHaveText(/Resolution(9 h 59|10 h 00) m left/);
  // It counts down while the page is open.
  const before = await firstResponse.textContent();
  await expect(firstResponse).not.toHaveText(before!, { timeout: 5_000 });
  await expect(page.getByTestId("timeline")).toContainText(`put it under SLA policy ${name}`);

  // A reply meets the first response and the pending ticket's clock stops.
  await ticketPage.reply("Calling you at 3pm.");
  await expect(page.getByTestId("ticket-status")).toHaveText("pending");
  await expect(firstResponse).toHaveText("First responsemet");
  await expect(panel).toContainText("Clock paused");
  await expect(page.getByTestId("sla-resolution")).toContainText("(paused)");

  await sla.goto();
  await sla.remove(name);
});

test("the ticket list filters tickets that breached their SLA, and the seeded view opens that list", async ({
  page,
  signInAs,
  ticketsPage,
}) => {
  await signInAs("agent");
  await ticketsPage.goto();
  await page.getByLabel("SLA", { exact: true }).selectOption({ label: "Breached" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/sla=breached/);
  const rows = ticketsPage.rows();
  await expect(rows.first()).toBeVisible();
  const shown = await rows.count();
  await expect(page.getByTestId("sla-breached-badge")).toHaveCount(shown);
  await expect(ticketsPage.count()).toHaveText(/^\d[\d,]* tickets?$/);

  // The ticket page of a breached ticket says so.
  const number = await ticketsPage.numberOf(0);
  await page.goto(`/tickets/${number}`);
  await expect(page.getByTestId("sla-breached")).toHaveText("Breached");

  // The seeded shared view is the same list.
  await ticketsPage.goto();
  await page.getByTestId("view-link").filter({ hasText: "Breaching SLA" }).click();
  await expect(page).toHaveURL(/sla=breached/);
  await expect(ticketsPage.rows()).toHaveCount(shown);
});
