// The demo workspace's knowledge base: three categories and a dozen articles, some still drafts.
import { prisma } from "@/lib/db";

const DAY = 86_400_000;

const CATEGORIES = [
  { slug: "getting-started", name: "Getting started" },
  { slug: "billing", name: "Billing and plans" },
  { slug: "troubleshooting", name: "Troubleshooting" },
] as const;

type Seeded = {
  category: (typeof CATEGORIES)[number]["slug"];
  slug: string;
  title: string;
  body: string;
  draft?: boolean;
};

const ARTICLES: Seeded[] = [
  {
    category: "getting-started",
    slug: "invite-your-team",
    title: "Invite your team",
    body: `Everyone on your team gets their own sign-in.

1. Open **Settings → Members**.
2. Enter each teammate's email address and choose a role.
3. They receive a link that is valid for seven days.

Admins can change a member's role later; owners can transfer ownership.`,
  },
  {
    category: "getting-started",
    slug: "set-up-your-workspace",
    title: "Set up your workspace in ten minutes",
    body: `A checklist for your first day:

- Upload your logo and pick your workspace colours.
- Connect your support email address so replies come from your domain.
- Create teams for the way you route questions (for example *Billing* and *Technical*).
- Invite your team — see [Invite your team](/help/acme/invite-your-team).`,
  },
  {
    category: "getting-started",
    slug: "import-contacts-from-csv",
    title: "Import contacts from a CSV file",
    body: `You can bring your existing customers with you.

The file needs a header row with at least an \`email\` column; \`name\`, \`phone\` and \`company\` are optional.
Rows with an email address we already know update that contact instead of creating a duplicate.

> Files up to 50 MB are accepted. Larger exports can be split into several files.`,
  },
  {
    category: "getting-started",
    slug: "keyboard-shortcuts",
    title: "Keyboard shortcuts",
    body: `Work through your queue without the mouse:

| Keys | Action |
| --- | --- |
| \`j\` / \`k\` | Next / previous item |
| \`r\` | Reply |
| \`e\` | Resolve |`,
    draft: true,
  },
  {
    category: "billing",
    slug: "update-payment-method",
    title: "Update your payment method",
    body: `Owners can change the card we charge at any time.

Go to **Billing → Payment method**, choose *Replace card* and enter the new details. The next invoice is charged to the new card; past invoices are not charged again.

If a payment fails we retry three times over seven days and email the workspace owners each time.`,
  },
  {
    category: "billing",
    slug: "refund-policy",
    title: "Refund policy",
    body: `We refund the unused part of an annual plan within 30 days of purchase, no questions asked.

Monthly plans are not refunded, but you can cancel at any time and keep access until the end of the period you paid for.

A **double charge** is always refunded in full: reply to your receipt email and we will reverse it within five business days.`,
  },
  {
    category: "billing",
    slug: "download-invoices",
    title: "Download invoices and receipts",
    body: `Every invoice is available as a PDF under **Billing → Invoices**.

Need your VAT number or a different company address on it? Add them under *Billing details* before the next invoice is issued; past invoices can be re-issued on request.`,
  },
  {
    category: "billing",
    slug: "change-plans",
    title: "Upgrade, downgrade or cancel your plan",
    body: `Upgrades take effect immediately and are prorated. Downgrades take effect at the end of the current billing period.

To cancel, open **Billing → Plan** and choose *Cancel subscription*. Your data is kept for 90 days in case you change your mind.`,
  },
  {
    category: "billing",
    slug: "annual-discount",
    title: "Annual billing discount",
    body: `Paying yearly saves two months compared with monthly billing. Switching is prorated against what you already paid this month.`,
    draft: true,
  },
  {
    category: "troubleshooting",
    slug: "reset-your-password",
    title: "Reset your password",
    body: `Forgot your password? On the sign-in page choose **Forgot password** and enter your email address.

We send a reset link that works once and expires after one hour. If the email does not arrive within five minutes, check your spam folder or ask a workspace admin to send a new invitation.`,
  },
  {
    category: "troubleshooting",
    slug: "csv-export-times-out",
    title: "CSV export times out or fails",
    body: `Large exports run in the background. If an export spins and then fails with a **gateway error**:

1. Narrow the date range and export again.
2. Use the *Email me the export* option for more than 100,000 rows.
3. Still failing? Reply to your ticket with the time you tried and we will look at the export job.`,
  },
  {
    category: "troubleshooting",
    slug: "webhooks-not-delivered",
    title: "Webhooks are not delivered",
    body: `Check that your endpoint answers with a \`2xx\` status within ten seconds. We retry failed deliveries with exponential backoff for 24 hours.

Each delivery carries a \`webhook-signature\` header: verify it with your signing secret before trusting the payload.`,
  },
  {
    category: "troubleshooting",
    slug: "sso-login-loop",
    title: "Single sign-on keeps returning to the sign-in page",
    body: `This usually means the identity provider's clock is off or the callback URL is wrong. We are writing up the full checklist.`,
    draft: true,
  },
];

export async function seedKnowledge(workspaceId: string, authorIds: string[], now: number) {
  const categoryIds = new Map<string, string>();
  for (const [position, c] of CATEGORIES.entries()) {
    const row = await prisma.knowledgeCategory.create({
      data: { workspaceId, name: c.name, slug: c.slug, position },
      select: { id: true },
    });
    categoryIds.set(c.slug, row.id);
  }
  await prisma.article.createMany({
    data: ARTICLES.map((a, i) => {
      const updatedAt = new Date(now - (ARTICLES.length - i) * 3 * DAY);
      return {
        workspaceId,
        categoryId: categoryIds.get(a.category)!,
        authorId: authorIds[i % authorIds.length] ?? null,
        title: a.title,
        slug: a.slug,
        body: a.body,
        status: a.draft ? ("draft" as const) : ("published" as const),
        createdAt: new Date(updatedAt.getTime() - 2 * DAY),
        updatedAt,
        publishedAt: a.draft ? null : updatedAt,
      };
    }),
  });
  return { categories: CATEGORIES.length, articles: ARTICLES.length };
}
