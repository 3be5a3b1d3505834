// Condition evaluation: pure, over the facts the consumer loads once per event, so a rule's verdict
// depends only on the ticket as the event found it (not on what earlier rules of the same event did).
import { ALWAYS_OPEN, businessMinutesBetween, type BusinessCalendar } from "@/lib/services/sla/business-hours";
import type { AutomationCondition } from "@/lib/validations/automations";

export type RuleFacts = {
  channel: string;
  subject: string;
  /** The event's message body, or the ticket's latest customer message; null when there is none. */
  body: string | null;
  /** Lower-cased tag names. */
  tags: readonly string[];
  priority: string;
  teamId: string | null;
  /** Companies the ticket's contact belongs to (by an address's domain or the company name they gave). */
  companyIds: readonly string[];
  /** When the event happened: business hours are judged at this instant. */
  at: Date;
  /** The workspace's business hours; null when it has set none (every hour counts). */
  calendar: BusinessCalendar | null;
};

const contains = (haystack: string | null, needle: string) =>
  haystack !== null && haystack.toLocaleLowerCase().includes(needle.toLocaleLowerCase());

/** Whether `at` falls within business hours (every hour does without a calendar). */
export function withinBusinessHours(at: Date, calendar: BusinessCalendar | null): boolean {
  return businessMinutesBetween(at, new Date(at.getTime() + 1000), calendar ?? ALWAYS_OPEN) > 0;
}

export function conditionHolds(condition: AutomationCondition, facts: RuleFacts): boolean {
  switch (condition.field) {
    case "channel":
      return facts.channel === condition.value;
    case "subject_contains":
      return contains(facts.subject, condition.value);
    case "body_contains":
      return contains(facts.body, condition.value);
    case "text_contains":
      return contains(facts.subject, condition.value) || contains(facts.body, condition.value);
    case "has_tag":
      return facts.tags.includes(condition.value.toLowerCase());
    case "priority":
      return facts.priority === condition.value;
    case "team":
      return condition.value === "none" ? facts.teamId === null : facts.teamId === condition.value;
    case "company":
      return facts.companyIds.includes(condition.value);
    case "business_hours":
      return withinBusinessHours(facts.at, facts.calendar) === (condition.value === "within");
  }
}

/** Every condition holds (a rule without conditions always matches); names the first that does not. */
export function evaluateConditions(
  conditions: readonly AutomationCondition[],
  facts: RuleFacts,
): { matched: true } | { matched: false; failed: AutomationCondition } {
  for (const condition of conditions) {
    if (!conditionHolds(condition, facts)) return { matched: false, failed: condition };
  }
  return { matched: true };
}
