import { SegmentedMessage } from 'sms-segments-calculator';
import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../functions/paging/incident';
import { acknowledgementConfirmed, chooseAPage, notAnAck, unknownCode } from '../../../functions/paging/sms-replies';

function incident(id: string, code: string, customer: string, severity: 'P0' | 'P1' = 'P0'): Incident {
  return {
    id,
    code,
    status: 'paging',
    severity,
    customer,
    excerpt: 'down',
    requestedBy: 'U0CUSTOMER1',
    chain: [{ name: 'Dana', phone: '+15555550101' }],
    repeats: 0,
    ackTimeoutMs: 300_000,
    internalChannel: 'C0SUPPORT01',
    fallbackChannel: 'C0SUPPORT01',
    step: 0,
    openedAt: '2026-11-23T04:00:00.000Z',
    version: 1,
  };
}

const isGsm = (text: string) => new SegmentedMessage(text, 'auto').getNonGsmCharacters().length === 0;

describe('the SMS replies to the chain', () => {
  it('lists the open pages with the code to send for each, and says nothing was acknowledged', () => {
    const text = chooseAPage([incident('INC-A', 'K7QP', 'Acme Corp'), incident('INC-B', 'M2ZD', 'Globex', 'P1')]);
    expect(text).toBe('You have 2 open pages: reply ACK K7QP for Acme Corp P0, ACK M2ZD for Globex P1. Nothing was acknowledged.');
  });

  it('lists the first four and counts the rest', () => {
    const open = ['A', 'B', 'C', 'D', 'E', 'F'].map((letter) => incident(`INC-${letter}`, `${letter}${letter}22`, `Customer ${letter}`));
    expect(chooseAPage(open)).toContain('ACK DD22 for Customer D P0, and 2 more. Nothing was acknowledged.');
  });

  it('keeps customer names within GSM-7, so a reply is not split into 70-character segments', () => {
    const text = unknownCode('ZZZZ', [incident('INC-A', 'K7QP', 'Café “Ünïcode” — Ltd ✨')]);
    expect(isGsm(text)).toBe(true);
    expect(text).toBe('No open page has the code ZZZZ: reply ACK K7QP for Cafe "Unicode" - Ltd P0. Nothing was acknowledged.');
  });

  it('tells someone who acknowledged before their page that it counted', () => {
    expect(acknowledgementConfirmed(incident('INC-A', 'K7QP', 'Acme Corp'), 'Sam', false)).toBe(
      'Thanks Sam: you are on INC-A (Acme Corp P0), before your page: you are on the chain. The customer has been told.',
    );
    expect(acknowledgementConfirmed(incident('INC-A', 'K7QP', 'Acme Corp'), 'Dana', true)).toBe('Thanks Dana: you are on INC-A (Acme Corp P0). The customer has been told.');
  });

  it('answers another text with the code to send, or that nothing is open', () => {
    expect(notAnAck([])).toBe('Switchboard reads only ACK replies, and you have no open pages. Nothing was changed.');
    expect(notAnAck([incident('INC-A', 'K7QP', 'Acme Corp')])).toBe('Switchboard reads only ACK replies: reply ACK K7QP to take Acme Corp P0. Nothing was changed.');
  });
});
