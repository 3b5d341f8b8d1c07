import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeButtonValue, encodeButtonValue, severityOfAction } from '../../../functions/after-hours/escalation-button';
import { afterHoursNotice } from '../../../functions/after-hours/notice-message';
import { noticeKey } from '../../../functions/after-hours/notice-key';
import { businessCalendarOf } from '../../../shared/config/business-calendar-of';
import { parseConfig } from '../../../shared/config/parse-config';

const config = parseConfig(readFileSync('switchboard.config.example.yaml', 'utf8'), 'example');
const calendar = businessCalendarOf(config);

describe('the after-hours notice', () => {
  const notice = afterHoursNotice({
    channel: 'C0ACMEPROD',
    threadTs: '1795406400.000200',
    sender: 'U0CUSTOMER1',
    opening: new Date('2026-11-23T14:00:00Z'),
    hours: calendar.settings,
    responseTimes: config.supportTerms.responseTimes,
    button: { sender: 'U0CUSTOMER1', messageTs: '1795406400.000200', threadTs: '1795406400.000200', excerpt: 'prod is down' },
  });
  const text = JSON.stringify(notice.blocks);

  it('replies in the thread, naming business hours and when the team is back', () => {
    expect(notice.threadTs).toBe('1795406400.000200');
    expect(text).toContain('Mon–Fri, 6:00 AM–4:00 PM PT');
    expect(text).toContain('*Monday, November 23 at 6:00 AM PT*');
    expect(notice.text).toContain('Monday, November 23 at 6:00 AM PT');
  });

  it('quotes every configured response time', () => {
    for (const time of config.supportTerms.responseTimes) expect(text).toContain(`*${time.severity}* (${time.meaning}): ${time.target}`);
  });

  it('offers the P0 and P1 escalation buttons carrying who asked', () => {
    const actions = notice.blocks?.find((block) => block.type === 'actions') as { elements: { action_id: string; value: string }[] };
    expect(actions.elements.map((e) => severityOfAction(e.action_id))).toEqual(['P0', 'P1']);
    expect(decodeButtonValue(actions.elements[0]!.value)).toEqual({ sender: 'U0CUSTOMER1', messageTs: '1795406400.000200', threadTs: '1795406400.000200', excerpt: 'prod is down' });
  });
});

describe('the after-hours notice on a day closed all day', () => {
  const base = {
    channel: 'C0ACMEPROD',
    threadTs: '1795406400.000200',
    sender: 'U0CUSTOMER1',
    hours: calendar.settings,
    responseTimes: config.supportTerms.responseTimes,
    button: { sender: 'U0CUSTOMER1', messageTs: '1795406400.000200', threadTs: '1795406400.000200', excerpt: 'prod is down' },
  };

  it('names the holiday instead of the business hours, which would read as open on a Thursday morning', () => {
    const thanksgivingMorning = new Date('2026-11-26T09:00:00-08:00');
    const notice = afterHoursNotice({ ...base, opening: calendar.nextOpening(thanksgivingMorning), closedToday: calendar.closureOn(thanksgivingMorning) });

    expect(notice.text).toBe("Thanks for your message. We're closed today for Thanksgiving Day; the team is back Friday, November 27 at 6:00 AM PT. For a P0 or P1 emergency, use the escalation buttons.");
    expect(JSON.stringify(notice.blocks)).toContain("We're closed today for Thanksgiving Day; the team is back *Friday, November 27 at 6:00 AM PT*.");
    expect(JSON.stringify(notice.blocks)).not.toContain('outside business hours');
  });

  it('says a configured closure is one, without a name', () => {
    const notice = afterHoursNotice({ ...base, opening: new Date('2026-12-28T14:00:00Z'), closedToday: { kind: 'closure' } });
    expect(notice.text).toContain("We're closed today; the team is back Monday, December 28 at 6:00 AM PT.");
  });

  it('keeps the business hours on a weekend, which they explain', () => {
    const saturday = new Date('2026-11-21T11:00:00-08:00');
    const notice = afterHoursNotice({ ...base, opening: calendar.nextOpening(saturday), closedToday: calendar.closureOn(saturday) });
    expect(notice.text).toContain('It reached us outside business hours (Mon–Fri, 6:00 AM–4:00 PM PT); the team is back Monday, November 23 at 6:00 AM PT.');
  });
});

describe('escalation buttons', () => {
  it('shortens a long excerpt so the value stays within Slack limits', () => {
    const value = encodeButtonValue({ sender: 'U1', messageTs: '1.1', threadTs: '1.1', excerpt: 'x'.repeat(5_000) });
    expect(value.length).toBeLessThan(2_000);
    expect(decodeButtonValue(value)?.excerpt).toHaveLength(150);
  });

  it.each(['not json', '{"sender":"U1"}', '[]', ''])('reads nothing from a value that is not ours: %j', (value) => {
    expect(decodeButtonValue(value)).toBeUndefined();
  });

  it('knows only its own actions', () => {
    expect(severityOfAction('after-hours:escalate-p2')).toBeUndefined();
  });
});

describe('the notice key', () => {
  it('is shared by every message of one sender in one channel within one after-hours period', () => {
    const sunday = calendar.nextOpening(new Date('2026-11-22T20:00:00-08:00'));
    const lateSunday = calendar.nextOpening(new Date('2026-11-23T02:00:00-08:00'));
    const mondayEvening = calendar.nextOpening(new Date('2026-11-23T17:00:00-08:00'));
    expect(noticeKey('C1', 'U1', sunday)).toBe(noticeKey('C1', 'U1', lateSunday));
    expect(noticeKey('C1', 'U1', sunday)).not.toBe(noticeKey('C1', 'U1', mondayEvening));
    expect(noticeKey('C1', 'U1', sunday)).not.toBe(noticeKey('C1', 'U2', sunday));
    expect(noticeKey('C1', 'U1', sunday)).not.toBe(noticeKey('C2', 'U1', sunday));
  });
});
