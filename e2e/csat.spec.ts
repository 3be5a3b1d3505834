import { expect, test } from "./fixtures";
import { RatingPage } from "./pages/rating-page";

test("a customer rates a resolved ticket from its public link and changes the rating; opening the link records nothing", async ({
  browser,
  page,
  signInAs,
  ticketsPage,
  ticketPage,
}) => {
  await signInAs("agent");
  await ticketsPage.goto("?status=open");
  const number = await ticketsPage.numberOf(0);
  await ticketPage.goto(number);
  await expect(page.getByTestId("csat-score")).toHaveText("Not rated");
  await ticketPage.resolve();

  // The agent sees the link to pass on while it takes a rating.
  const csat = page.getByTestId("csat");
  await expect(csat).toContainText("Waiting for the customer's rating");
  const link = await page.getByTestId("csat-link").inputValue();
  expect(link).toMatch(/\/rate\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);

  // The customer is not signed in: a browser of their own.
  // Customers often open it on a phone: the page fits 390 px without scrolling sideways.
  const customer = await browser.newContext({ viewport: { width: 390, height: 844 } });
  try {
    const rating = new RatingPage(await customer.newPage());
    await rating.goto(link);
    await expect(rating.heading()).toHaveText("How did we do?");
    expect(await rating.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await rating.goto(link);

    // Opening the link (twice, as a mail scanner and then a person might) recorded nothing.
    await page.reload();
    await expect(page.getByTestId("csat-score")).toHaveText("Not rated");
    await expect(ticketPage.activity()).not.toContainText("Customer rated");

    await rating.rate("Good", "Sorted out in one reply, thanks!");
    await expect(rating.notice()).toHaveText("Thank you for your rating!");
    await expect(rating.currentRating()).toContainText("Your rating: good");

    await page.reload();
    await expect(page.getByTestId("csat-score")).toHaveText("good");
    await expect(csat).toContainText("“Sorted out in one reply, thanks!”");
    await expect(ticketPage.activity()).toContainText("Customer rated good: “Sorted out in one reply, thanks!”");

    // Until the link expires the customer may change their mind.
    await rating.rate("Bad", "The problem came back the next day.");
    await expect(rating.notice()).toHaveText("Your rating was changed. Thank you!");
    await expect(rating.currentRating()).toContainText("Your rating: bad");

    await page.reload();
    await expect(page.getByTestId("csat-score")).toHaveText("bad");
    await expect(ticketPage.activity()).toContainText(
      "Customer changed the rating from good to bad: “The problem came back the next day.”",
    );

    // An unknown link is a clear page, not an error.
    await rating.goto(link.replace(/.$/, (c) => (c === "A" ? "B" : "A")));
    await expect(rating.heading()).toHaveText("This rating link is not valid");
  } finally {
    await customer.close();
  }
});

test("an admin switches the rating scale to 1 to 5; the next link offers 1 to 5 and counts 5 as the rating", async ({
  browser,
  page,
  signInAs,
  ticketsPage,
  ticketPage,
}) => {
  await signInAs("admin");
  const scaleForm = async (label: RegExp) => {
    await page.goto("/settings/workspace");
    const group = page.getByRole("group", { name: "Customer satisfaction rating scale" });
    await group.getByRole("radio", { name: label }).check();
    await page.getByRole("button", { name: "Save scale" }).click();
    await expect(page.getByText("Rating scale saved.")).toBeVisible();
  };
  await scaleForm(/^1 to 5/);
  await page.reload();
  await expect(
    page.getByRole("group", { name: "Customer satisfaction rating scale" }).getByRole("radio", { name: /^1 to 5/ }),
  ).toBeChecked();

  try {
    await ticketsPage.goto("?status=open");
    await ticketPage.goto(await ticketsPage.numberOf(0));
    await ticketPage.resolve();
    const link = await page.getByTestId("csat-link").inputValue();
    const customer = await browser.newContext();
    try {
      const rating = new RatingPage(await customer.newPage());
      await rating.goto(link);
      for (const score of ["1", "2", "3", "4", "5"])
        await expect(rating.page.getByRole("radio", { name: score, exact: true })).toBeVisible();
      await expect(rating.page.getByRole("radio", { name: "Good", exact: true })).toHaveCount(0);
      await rating.rate("5", "Quick and kind.");
      await expect(rating.notice()).toHaveText("Thank you for your rating!");
      await expect(rating.currentRating()).toContainText("5");
    } finally {
      await customer.close();
    }
    await page.reload();
    await expect(page.getByTestId("csat-score")).toContainText("5");
  } finally {
    // Later tests rate on the demo's own scale.
    await scaleForm(/^Good or bad/);
  }
});
