import { SegmentedMessage } from 'sms-segments-calculator';
import type { Severity } from '../../shared/events/slack-events';

export interface PageInput {
  severity: Severity;
  customer: string;
  excerpt: string;
  code: string;
  /** A link to the customer's thread, when there is one. */
  link?: string;
}

/** Common typographic characters outside GSM-7, which would turn the SMS into 70-character UCS-2 segments. */
const GSM_REPLACEMENTS: Readonly<Record<string, string>> = { '“': '"', '”': '"', '‘': "'", '’': "'", '–': '-', '—': '-', '…': '...', ' ': ' ' };

/** Keeps a text within GSM-7: typographic quotes and dashes to ASCII, accents dropped, emoji and the like removed. */
export function toGsmText(text: string): string {
  const replaced = [...text].map((char) => GSM_REPLACEMENTS[char] ?? char).join('');
  const withoutAccents = replaced.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const nonGsm = new Set(new SegmentedMessage(withoutAccents, 'auto').getNonGsmCharacters());
  return [...withoutAccents].filter((char) => !nonGsm.has(char)).join('').replace(/\s+/g, ' ').trim();
}

/**
 * The page: severity, customer, an excerpt and the ACK code, with the link last. The excerpt is shortened
 * until the whole text fits one SMS segment; without an excerpt, whatever still does not fit is sent as is.
 *
 * @example composePage({ severity: 'P0', customer: 'Acme Corp', excerpt: 'Checkout down', code: 'K7QP' })
 * // 'P0 Acme Corp: "Checkout down" Reply ACK K7QP'
 */
export function composePage(input: PageInput): string {
  const customer = toGsmText(input.customer);
  const excerpt = toGsmText(input.excerpt);
  const compose = (quote: string) =>
    [`${input.severity} ${customer}:`, quote === '' ? undefined : `"${quote}"`, `Reply ACK ${input.code}`, input.link].filter(Boolean).join(' ');
  if (fitsOneSegment(compose(excerpt))) return compose(excerpt);
  for (let length = excerpt.length - 1; length > 0; length -= 1) {
    const shortened = `${excerpt.slice(0, length).trimEnd()}...`;
    if (fitsOneSegment(compose(shortened))) return compose(shortened);
  }
  return compose('');
}

export function fitsOneSegment(text: string): boolean {
  return new SegmentedMessage(text, 'auto').segmentsCount === 1;
}
