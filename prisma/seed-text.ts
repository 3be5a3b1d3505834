// Message text shared by the demo seed and the bulk seed.
export const REPLIES = [
  "Thanks for reaching out! I'm looking into this now and will get back to you shortly.",
  "I've checked your account and can confirm what you're seeing. I've escalated it to the team.",
  "Could you send a screenshot and the approximate time this happened? That will help us narrow it down.",
  "Good news: this is fixed. Could you try again and let me know if it works on your side?",
  "I've processed the refund; it should appear on your statement within 5–10 business days.",
  "Thanks for your patience. We've deployed a fix and are monitoring it.",
];
export const CONTACT_REPLIES = [
  "Thanks, that worked!",
  "Still happening on our side, unfortunately.",
  "Here's the screenshot you asked for.",
  "Any update on this?",
  "Perfect, thank you for the quick help.",
];
export const NOTES = [
  "Customer is on the Professional plan, renewal next month.",
  "Reproduced on staging. Linked to the export performance issue.",
  "VIP account: keep the CSM in the loop.",
  "Checked logs: duplicate charge came from a retry in the payment webhook.",
];
