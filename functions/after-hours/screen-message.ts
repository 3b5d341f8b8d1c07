import type { BusinessCalendar } from '../../shared/calendar/business-calendar';
import { describeInstant } from '../../shared/calendar/describe';

// Filters 1 and 2 (the designated channel, the sender a customer) are shared with the other Slack rituals.
export { designatedChannelOf, whyNotACustomer } from '../../shared/customers/customer-messages';

/** Filter 3: why the message does not count as after hours, or undefined when it does. */
export function whyWithinBusinessHours(calendar: BusinessCalendar, postedAt: Date): string | undefined {
  return calendar.isWithinBusinessHours(postedAt)
    ? `posted within business hours (${describeInstant(postedAt, calendar.settings.timeZone)})`
    : undefined;
}
