import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import type { TicketsPage } from "./pages/tickets-page";

const token = () => randomBytes(3).toString("hex");

/** An open ticket of the demo workspace, opened in the page. */
async function openTicket(page: Page, ticketsPage: TicketsPage, row = 0) {
  await ticketsPage.goto("?status=open");
  const number = await ticketsPage.numberOf(row);
  await page.goto(`/tickets/${number}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`#${number}`);
  return number;
}

test.describe("the ticket's timeline and status", () => {
  test.beforeEach(async ({ signInAs }) => {
    await signInAs("agent");
  });

  test("a note, a history line and a reply read in one list, oldest first", async ({
    page,
    ticketsPage,
    ticketPage,
  }) => {
    await openTicket(page, ticketsPage);
    const tag = `refund-${token()}`;
    const note = `Checked the order (${token()})`;
    const reply = `Your refund is on its way (${token()})`;

    await ticketPage.reply(note, "note");
    await expect(ticketPage.messages().last()).toContainText(note);
    await ticketPage.addTags(tag);
    await expect(ticketPage.activityLines().last()).toHaveText(/Ava Agarwal added tag refund-/);
    await page.getByRole("button", { name: `Remove tag ${tag}` }).click();
    await expect(ticketPage.activityLines().last()).toContainText(`Ava Agarwal removed tag ${tag}`);
    await ticketPage.assign("Ava Agarwal");
    await expect(ticketPage.activityLines().last()).toContainText("Ava Agarwal assigned it to Ava Agarwal");
    await ticketPage.assign("Unassigned");
    await expect(ticketPage.activityLines().last()).toContainText("Ava Agarwal unassigned the ticket");
    await ticketPage.reply(reply);
    await expect(ticketPage.messages().last()).toContainText(reply);

    // One list: the note, then what was done, then the reply; nothing of it under the composer.
    const entries = await ticketPage.timeline().locator(":scope > li").allTextContents();
    const at = (text: string) => entries.findIndex((e) => e.includes(text));
    expect(at(note)).toBeGreaterThanOrEqual(0);
    expect(at(note)).toBeLessThan(at(`removed tag ${tag}`));
    expect(at(`removed tag ${tag}`)).toBeLessThan(at("unassigned the ticket"));
    expect(at("unassigned the ticket")).toBeLessThan(at(reply));
    await expect(ticketPage.messages().filter({ hasText: note })).toHaveAttribute("data-kind", "note");
    await expect(ticketPage.messages().filter({ hasText: note })).toContainText("internal note");
    await expect(page.getByRole("heading", { name: "Activity" })).toHaveCount(0);
    // The reply moved the open ticket to pending: it says so on the reply, not in a line of its own.
    await expect(ticketPage.messages().last()).toContainText("set status to pending");
    await expect(ticketPage.activityLines().filter({ hasText: "replied" })).toHaveCount(0);
  });

  test("pending, a custom status and closed are set from the ticket page", async ({
    page,
    ticketsPage,
    ticketPage,
  }) => {
    await openTicket(page, ticketsPage, 1);
    const status = page.getByRole("group", { name: "Set status" });
    await expect(status.getByRole("button", { name: "Open", exact: true })).toHaveAttribute("aria-pressed", "true");

    await ticketPage.setStatus("pending");
    await expect(status.getByRole("button", { name: "Pending", exact: true })).toHaveAttribute("aria-pressed", "true");
    await expect(ticketPage.activityLines().last()).toContainText("Ava Agarwal set status to pending");

    // The workspace's own statuses are offered under their base status.
    const picker = page.getByLabel("Status and sub-status");
    const custom = await picker.locator("option", { hasText: "pending › Awaiting refund" }).getAttribute("value");
    await picker.selectOption(custom!);
    await page.getByRole("button", { name: "Set status", exact: true }).click();
    await expect(page.getByTestId("case-status").first()).toHaveText("Awaiting refund");
    await expect(ticketPage.activityLines().last()).toContainText("Ava Agarwal set sub-status to Awaiting refund");

    await ticketPage.setStatus("closed");
    await expect(page.getByTestId("case-status")).toHaveCount(0);
    await expect(ticketPage.activityLines().last()).toContainText(
      "Ava Agarwal set status to closed (sub-status Awaiting refund cleared)",
    );
  });

  test("Send and set resolved sends the reply and resolves the ticket in one go", async ({
    page,
    ticketsPage,
    ticketPage,
  }) => {
    await openTicket(page, ticketsPage, 2);
    const reply = `All sorted on our side (${token()})`;
    await page.getByLabel("Message").fill(reply);
    await page.getByRole("button", { name: "Send and set resolved" }).click();
    await expect(ticketPage.status()).toHaveText("resolved");
    await expect(page.getByRole("status").filter({ hasText: "Sent; the ticket is resolved." })).toBeVisible();
    await expect(page.getByLabel("Message")).toHaveValue("");
    const entries = await ticketPage.timeline().locator(":scope > li").allTextContents();
    const sent = entries.findIndex((e) => e.includes(reply));
    expect(sent).toBeGreaterThanOrEqual(0);
    expect(entries.slice(sent + 1).join("\n")).toContain("Ava Agarwal set status to resolved");

    // An empty message is refused beside the box, and nothing changes.
    await page.getByRole("button", { name: "Send and set pending" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Message cannot be empty." })).toBeVisible();
    await expect(ticketPage.status()).toHaveText("resolved");
  });
});

test.describe("dates a person reads", () => {
  // The browser the person uses: its zone is what dates follow until they choose one.
  test.use({ timezoneId: "America/New_York", locale: "en-US" });

  test("relative times with the exact time on hover, in the zone chosen on the profile", async ({
    page,
    signInAs,
    ticketsPage,
    ticketPage,
  }) => {
    await signInAs("owner");
    const number = await openTicket(page, ticketsPage, 3);
    const reply = `Checking in (${token()})`;
    await ticketPage.reply(reply, "note");
    const time = ticketPage.messages().last().locator("time");
    await expect(ticketPage.messages().last()).toContainText(reply);
    await expect(time).toHaveText(/^(now|\d+ (sec|min)\. ago)$/);
    await expect(time).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    // Following the browser: New York time, named as such.
    await expect(time).toHaveAttribute("title", /EST|EDT/);

    await page.goto("/profile");
    const zone = page.getByLabel("Time zone");
    await zone.fill("Mars/Olympus_Mons");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.locator('[data-field-error="time_zone"]')).toContainText("is not a time zone");

    try {
      await zone.fill("Asia/Tokyo");
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await expect(page.getByRole("status").filter({ hasText: "Date preferences saved." })).toBeVisible();
      await expect(zone).toHaveValue("Asia/Tokyo");

      await ticketPage.goto(number);
      const again = ticketPage.messages().filter({ hasText: reply }).locator("time");
      await expect(again).toHaveAttribute("title", /GMT\+9/);
      await expect(again).toHaveText(/^(now|\d+ (sec|min)\. ago)$/);
      // The ticket list speaks the same way.
      await ticketsPage.goto();
      await expect(ticketsPage.rows().first().locator("time").last()).toHaveAttribute("title", /GMT\+9/);
    } finally {
      await page.goto("/profile");
      await page.getByLabel("Time zone").fill("");
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await expect(page.getByRole("status").filter({ hasText: "Date preferences saved." })).toBeVisible();
    }
  });
});
