import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { designatedChannelOf, whyNotACustomer, whyWithinBusinessHours } from '../../../functions/after-hours/screen-message';
import { businessCalendarOf } from '../../../shared/config/business-calendar-of';
import { parseConfig } from '../../../shared/config/parse-config';
import type { DetailOf } from '../../../shared/events/catalogue';
import { sampleSlackMessage } from '../../support/sample-events';

const config = parseConfig(readFileSync('switchboard.config.example.yaml', 'utf8'), 'example');
const calendar = businessCalendarOf(config);

function message(overrides: Partial<DetailOf<'slack.message.posted'>> = {}): DetailOf<'slack.message.posted'> {
  return sampleSlackMessage(overrides);
}

describe('after-hours filters', () => {
  describe('designated customer channel', () => {
    it('finds a configured channel with its customer', () => {
      expect(designatedChannelOf(config, 'C0ACMEPROD')).toEqual({ id: 'C0ACMEPROD', customer: 'Acme Corp' });
    });
    it('does not find any other channel', () => {
      expect(designatedChannelOf(config, 'C0GENERAL1')).toBeUndefined();
    });
  });

  describe('sender is a customer', () => {
    it('accepts a Slack Connect user from another workspace', () => {
      expect(whyNotACustomer(config, message())).toBeUndefined();
    });
    it.each(['file_share', 'thread_broadcast'])('accepts a new message of subtype %s', (subtype) => {
      expect(whyNotACustomer(config, message({ subtype }))).toBeUndefined();
    });
    it.each([
      ['a member of the company workspace', { userTeam: 'T0EXAMPLE1' }, 'belongs to the company workspace'],
      ['a bot', { botId: 'B01', user: undefined }, 'sent by a bot'],
      ['an edit', { subtype: 'message_changed' }, 'message_changed'],
      ['a deletion', { subtype: 'message_deleted' }, 'message_deleted'],
      ['a join', { subtype: 'channel_join' }, 'channel_join'],
      ['a message with no sender', { user: undefined }, 'no sender'],
      ['a sender from an unknown workspace', { userTeam: undefined }, 'workspace is unknown'],
    ])('refuses %s', (_case, overrides, reason) => {
      expect(whyNotACustomer(config, message(overrides))).toContain(reason);
    });
    it('refuses someone on the internal-users list, even from another workspace', () => {
      const withContractor = { ...config, company: { ...config.company, slack: { ...config.company.slack, internalUsers: ['U0CUSTOMER1'] } } };
      expect(whyNotACustomer(withContractor, message())).toContain('internal-users list');
    });
  });

  describe('outside business hours', () => {
    it.each([
      ['Sunday evening', '2026-11-22T20:00:00-08:00', true],
      ['Monday 05:59 PT', '2026-11-23T05:59:00-08:00', true],
      ['Monday 06:00 PT', '2026-11-23T06:00:00-08:00', false],
      ['Monday 15:59 PT', '2026-11-23T15:59:00-08:00', false],
      ['Monday 16:00 PT', '2026-11-23T16:00:00-08:00', true],
      ['Thanksgiving at noon', '2026-11-26T12:00:00-08:00', true],
    ])('%s counts as after hours: %s', (_case, instant, afterHours) => {
      expect(whyWithinBusinessHours(calendar, new Date(instant)) === undefined).toBe(afterHours);
    });
    it('says when a message was posted within business hours', () => {
      expect(whyWithinBusinessHours(calendar, new Date('2026-11-23T10:15:00-08:00'))).toBe('posted within business hours (Monday, November 23 at 10:15 AM PT)');
    });
  });
});
