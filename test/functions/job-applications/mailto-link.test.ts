import { describe, expect, it } from 'vitest';
import { mailtoLink } from '../../../functions/job-applications/mailto-link';
import { decodeMailto } from '../../support/decode-mailto';

describe('mailto: links (RFC 6068)', () => {
  const message = {
    to: ['ada.lovelace@example.org'],
    cc: ['people@example.com'],
    subject: 'Your application for Software Engineer at Example Inc. (R&D) — 100% real?',
    body: 'Hi Ada,\n\nThanks! Café, naïve, 🚀 & more: a+b=c; #1 (of 2)\nBest,\nRiley',
  };

  it('decodes back to the same recipients, subject and body', () => {
    const decoded = decodeMailto(mailtoLink(message));

    expect(decoded.to).toEqual(message.to);
    expect(decoded.fields).toEqual({ cc: 'people@example.com', subject: message.subject, body: message.body.replace(/\n/g, '\r\n') });
  });

  it('encodes line breaks as %0D%0A, spaces as %20 and never +', () => {
    const link = mailtoLink({ to: ['a@example.org'], subject: 'a b', body: 'one\ntwo\r\nthree' });

    expect(link).toBe('mailto:a@example.org?subject=a%20b&body=one%0D%0Atwo%0D%0Athree');
  });

  it('leaves only unreserved characters bare, so the link is safe in a URL, an href and a Markdown link', () => {
    const link = mailtoLink(message);

    expect(link.slice('mailto:'.length)).toMatch(/^[A-Za-z0-9\-._~%@?&=,]+$/);
    expect(link).not.toMatch(/[()+ ]/);
  });

  it('encodes characters of an address that a URI would misread, keeping its @', () => {
    const link = mailtoLink({ to: ['first+jobs@example.org', 'odd?name@example.org'], subject: 's', body: 'b' });

    expect(link.startsWith('mailto:first%2Bjobs@example.org,odd%3Fname@example.org?')).toBe(true);
    expect(decodeMailto(link).to).toEqual(['first+jobs@example.org', 'odd?name@example.org']);
  });

  it('leaves out cc when there is none', () => {
    expect(mailtoLink({ to: ['a@example.org'], subject: 's', body: 'b' })).toBe('mailto:a@example.org?subject=s&body=b');
  });
});
