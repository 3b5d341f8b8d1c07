import { SegmentedMessage } from 'sms-segments-calculator';
import { describe, expect, it } from 'vitest';
import { composePage, fitsOneSegment, toGsmText } from '../../../functions/paging/page-message';

const link = 'https://slack.com/app_redirect?channel=C0ACMEPROD';

describe('the page', () => {
  it('names severity, customer, an excerpt and the ACK code, with the link', () => {
    expect(composePage({ severity: 'P0', customer: 'Acme Corp', excerpt: 'Checkout returns 503s', code: 'K7QP', link })).toBe(
      `P0 Acme Corp: "Checkout returns 503s" Reply ACK K7QP ${link}`,
    );
  });

  it('shortens a long excerpt so the whole page fits one SMS segment', () => {
    const page = composePage({ severity: 'P1', customer: 'Acme Corp', excerpt: 'x'.repeat(500), code: 'K7QP', link });
    expect(fitsOneSegment(page)).toBe(true);
    expect(page).toContain('..."');
    expect(page.endsWith(`Reply ACK K7QP ${link}`)).toBe(true);
  });

  it('keeps the page in GSM-7, so a typographic quote or an emoji does not shrink the segment to 70 characters', () => {
    const page = composePage({ severity: 'P0', customer: 'Café Müller', excerpt: '“Everything” is down — again 🔥', code: 'K7QP', link });
    expect(new SegmentedMessage(page, 'auto').encodingName).toBe('GSM-7');
    expect(page).toContain('Cafe Muller');
    expect(page).toContain('"Everything" is down - again');
  });

  it('still names customer, severity and code when even those exceed one segment', () => {
    const page = composePage({ severity: 'P0', customer: 'C'.repeat(170), excerpt: 'down', code: 'K7QP' });
    expect(page).toBe(`P0 ${'C'.repeat(170)}: Reply ACK K7QP`);
  });
});

describe('GSM-7 text', () => {
  it('folds whitespace and drops what GSM-7 cannot carry', () => {
    expect(toGsmText('  line one\n\nline   two ✅ ')).toBe('line one line two');
  });
});
