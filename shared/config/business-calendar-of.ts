import { createBusinessCalendar, type BusinessCalendar, type Weekday } from '../calendar/business-calendar';
import type { Config, WeekdayName } from './config-schema';

const ISO_WEEKDAY: Record<WeekdayName, Weekday> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const calendars = new WeakMap<Config, BusinessCalendar>();

/** The business calendar a configuration describes; built once per configuration document. */
export function businessCalendarOf(config: Config): BusinessCalendar {
  let calendar = calendars.get(config);
  if (calendar === undefined) {
    const hours = config.businessHours;
    calendar = createBusinessCalendar({
      timeZone: hours.timeZone,
      weekdays: hours.weekdays.map((day) => ISO_WEEKDAY[day]),
      opens: hours.opens,
      closes: hours.closes,
      holidays: { country: hours.holidays.country, types: hours.holidays.types, ...(hours.holidays.state === undefined ? {} : { state: hours.holidays.state }) },
      closures: hours.closures,
    });
    calendars.set(config, calendar);
  }
  return calendar;
}
