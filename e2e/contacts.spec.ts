// Contacts and companies as an agent uses them: merging a duplicate, opening a ticket on a
// customer's behalf, and the pages at phone width.
import { expect, test } from "./fixtures";
import { ContactsPage } from "./pages/contacts-page";

test.beforeEach(async ({ signInAs }) => {
  await signInAs("agent");
});

test("merging a duplicate moves their tickets and keeps both addresses", async ({ page }) => {
  const contacts = new ContactsPage(page);
  await contacts.goto();
  await contacts.search("odile");
  await expect(contacts.rows()).toHaveCount(2);
  await contacts.open("Odile Marchetti");
  await expect(page.getByRole("heading", { name: "Tickets (1)" })).toBeVisible();

  await contacts.mergeIn("odile.home", "Odile M.");
  await expect(contacts.emails()).toContainText("odile.marchetti@fabrikam.example");
  await expect(contacts.emails()).toContainText("odile.home@mail.example");
  await expect(page.getByRole("heading", { name: "Tickets (2)" })).toBeVisible();

  // The old address finds the kept contact; the duplicate is gone.
  await contacts.goto();
  await contacts.search("odile.home@mail.example");
  await expect(contacts.rows()).toHaveCount(1);
  await expect(contacts.rows()).toContainText("Odile Marchetti");

  // The moved ticket's history says what happened.
  await contacts.open("Odile Marchetti");
  await page.getByRole("link", { name: "Following up on my VAT invoice" }).click();
  await expect(page.getByTestId("timeline")).toContainText("Ava Agarwal merged contact Odile M. into Odile Marchetti");
});

test("an agent opens a ticket on a contact's behalf", async ({ page }) => {
  await page.goto("/tickets");
  await page.getByRole("link", { name: "New ticket" }).click();
  await expect(page.getByRole("heading", { name: "New ticket" })).toBeVisible();
  await page.getByLabel("Contact email").fill("walk.in@customer.example");
  await page.getByLabel("Contact name (for a new contact)").fill("Wally Inman");
  await page.getByLabel("Subject").fill("Called about a missing refund");
  await page.getByLabel("First message (from the contact)").fill("Refund from March has not arrived.");
  await page.getByLabel("Priority").selectOption("high");
  await page.getByLabel("Team").selectOption({ label: "Billing" });
  await page.getByRole("button", { name: "Create ticket" }).click();

  await expect(page).toHaveURL(/\/tickets\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Called about a missing refund");
  await expect(page.getByText("Refund from March has not arrived.")).toBeVisible();
  await expect(page.getByTestId("timeline")).toContainText("Ava Agarwal opened the ticket");
  await page.getByRole("link", { name: "Wally Inman" }).click();
  await expect(page.getByTestId("contact-emails")).toContainText("walk.in@customer.example");
  await expect(page.getByTestId("ticket-rows")).toContainText("Called about a missing refund");
});

test("a company's page lists the contacts at its domains and their tickets", async ({ page }) => {
  await page.goto("/companies");
  await page.getByTestId("company-row").getByRole("link", { name: "Fabrikam" }).click();
  await expect(page.getByTestId("company-name")).toHaveText("Fabrikam");
  await expect(page.getByText("fabrikam.example").first()).toBeVisible();
  const emails = await page.getByTestId("company-contacts").locator("li").allTextContents();
  expect(emails.length).toBeGreaterThan(0);
  for (const line of emails) expect(line).toContain("@fabrikam.example");
});

test.describe("at 390 px", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the contacts, companies and new-ticket pages fit without sideways scrolling", async ({ page }) => {
    const fits = async (path: string) => {
      await page.goto(path);
      await expect(page.locator("main h1").first()).toBeVisible();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    };
    await fits("/contacts");
    await page.getByTestId("contact-row").first().getByRole("link").click();
    await expect(page.getByTestId("contact-name")).toBeVisible();
    await fits(new URL(page.url()).pathname);
    await fits("/companies");
    await page.getByTestId("company-row").first().getByRole("link").click();
    await expect(page.getByTestId("company-name")).toBeVisible();
    await fits(new URL(page.url()).pathname);
    await fits("/tickets/new");
  });
});
