import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./fixtures";
import { WebhooksPage } from "./pages/webhooks-page";

test("an admin adds a webhook, sees its secret once, watches a signed delivery arrive in the log and sends it again", async ({
  page,
  signInAs,
  ticketsPage,
  ticketPage,
}) => {
  // A receiver on the loopback, as a developer runs one beside `npm run dev`.
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200, { "Content-Type": "text/plain" }).end("thanks");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/deskbridge`;
  try {
    await signInAs("admin");
    const webhooks = new WebhooksPage(page);
    await webhooks.goto();
    const secret = await webhooks.add(url, ["ticket.status_changed"], "Browser test receiver");
    expect(secret).toMatch(/^whsec_/);
    await expect(webhooks.row(url)).toContainText("ticket.status_changed");

    // The secret is shown once: a fresh visit lists the endpoint without it.
    await webhooks.goto();
    await expect(page.getByTestId("new-secret")).toHaveCount(0);
    await expect(page.locator("body")).not.toContainText(secret);

    // An event: an agent resolves an open ticket.
    await ticketsPage.goto("?status=open");
    const number = await ticketsPage.numberOf(0);
    await ticketPage.goto(number);
    await ticketPage.resolve();

    await webhooks.goto();
    await webhooks.open(url);
    await webhooks.waitForDeliveries(1);
    const first = webhooks.deliveries().first();
    await expect(first).toContainText("HTTP 200");
    await expect(first).toContainText("ticket.status_changed");
    await expect(first).toContainText("attempt 1");

    // What arrived is signed with the secret the page showed.
    const delivered = received.at(-1)!;
    const key = Buffer.from(secret.slice("whsec_".length), "base64");
    const signed = `${String(delivered.headers["webhook-id"])}.${String(delivered.headers["webhook-timestamp"])}.${delivered.body}`;
    expect(delivered.headers["webhook-signature"]).toBe(
      `v1,${createHmac("sha256", key).update(signed).digest("base64")}`,
    );
    expect(JSON.parse(delivered.body).data.ticket.number).toBe(number);

    // The request and response are in the log.
    await first.getByText("Request and response").click();
    await expect(first).toContainText(`"number":${number}`);
    await expect(first).toContainText("thanks");

    await first.getByRole("button", { name: "Send again" }).click();
    await expect(first).toContainText("Queued to send again");
    await webhooks.waitForDeliveries(2);
    await expect(webhooks.deliveries().first()).toContainText("attempt 2");
    expect(received.filter((r) => r.headers["webhook-id"] === delivered.headers["webhook-id"])).toHaveLength(2);
  } finally {
    receiver.closeAllConnections();
    await new Promise((r) => receiver.close(r));
  }
});
