import { describe, expect, it } from 'vitest';
import { applicationMarkdown, applicationTitle, contactMessageMarkdown, escapeMarkdown } from '../../../functions/job-applications/conversation-content';
import { conversationReference } from '../../../functions/job-applications/conversation-reference';
import { createEvent } from '../../../shared/events/validate-event';
import { decodeMailto } from '../../support/decode-mailto';

const submission = createEvent('contact.form.submitted', {
  eventId: 'form-1',
  receivedAt: '2026-11-20T23:00:00.000Z',
  provider: 'website',
  kind: 'job-application',
  firstName: 'Ada',
  lastName: 'Lovelace',
  emailAddress: 'ada.lovelace@example.org',
  position: '🚀 Software Engineer 🌦️',
  linkedinProfileUrl: 'https://www.linkedin.com/in/ada',
  location: 'London, UK',
  message: 'Hello!\n[click me](https://evil.example) | **bold**',
}).detail;
const reply = { to: ['ada.lovelace@example.org'] as [string], cc: ['people@example.com'] as [string], subject: 'Your application for Software Engineer', body: 'Hi Ada,\n\nThanks.' };

describe("the application's conversation", () => {
  const markdown = applicationMarkdown(submission, {
    position: 'Software Engineer',
    cseName: 'Riley (CSE)',
    due: 'Monday, November 23 at 9:00 AM PT',
    respondWithinHours: 4,
    reply,
    reference: 'SB-4F1A9C0B7E',
  });

  it('is titled with the position, the applicant and the reference', () => {
    expect(applicationTitle('Software Engineer', 'Ada', 'Lovelace', 'SB-4F1A9C0B7E')).toBe('Job application: Software Engineer — Ada Lovelace [SB-4F1A9C0B7E]');
  });

  it("shows the applicant's details, the assigned CSE and the deadline", () => {
    expect(markdown).toContain('| Applicant | Ada Lovelace |');
    expect(markdown).toContain('| Position | Software Engineer |');
    expect(markdown).toContain('| Location | London, UK |');
    expect(markdown).toContain('| Assigned to | Riley \\(CSE\\) |');
    expect(markdown).toContain('| Reply by | Monday, November 23 at 9:00 AM PT (4 business hours from receipt) |');
  });

  it('carries the ready reply and a mailto: link that opens it pre-filled', () => {
    const link = /\[open it pre-filled\]\((mailto:[^)]+)\)/.exec(markdown)?.[1];

    expect(link).toBeDefined();
    expect(decodeMailto(link!)).toEqual({ to: ['ada.lovelace@example.org'], fields: { cc: 'people@example.com', subject: reply.subject, body: 'Hi Ada,\r\n\r\nThanks.' } });
    expect(markdown).toContain('> Hi Ada,');
  });

  it("escapes what the applicant typed, so it adds no links, formatting or table cells", () => {
    expect(markdown).toContain('> \\[click me\\]\\(https://evil\\.example\\) \\| \\*\\*bold\\*\\*');
    expect(markdown).not.toContain('[click me](');
  });

  it('ends with the reference it can be found by', () => {
    expect(markdown.endsWith('reference SB-4F1A9C0B7E._')).toBe(true);
  });
});

describe("a contact message's conversation", () => {
  it('shows who wrote, what, and a link to answer by e-mail', () => {
    const message = { ...submission, kind: 'contact-message' as const, position: undefined, message: 'Do you offer a discount?' };

    const markdown = contactMessageMarkdown(message, 'SB-0000000001', 'Example Inc.');

    expect(markdown).toContain('| From | Ada Lovelace |');
    expect(markdown).toContain('> Do you offer a discount?');
    const link = /\[reply\]\((mailto:[^)]+)\)/.exec(markdown)?.[1];
    expect(decodeMailto(link!).fields['subject']).toBe('Re: your message to Example Inc.');
  });
});

describe('conversation references', () => {
  it('are SB- and 10 hex digits, the same for the same effect and different for another', () => {
    const reference = conversationReference('job-applications.conversation:form-1');

    expect(reference).toMatch(/^SB-[0-9A-F]{10}$/);
    expect(conversationReference('job-applications.conversation:form-1')).toBe(reference);
    expect(conversationReference('job-applications.conversation:form-2')).not.toBe(reference);
  });
});

describe('escaping Markdown', () => {
  it('escapes punctuation and folds line breaks', () => {
    expect(escapeMarkdown('*a*\n_b_ `c` <d> #e')).toBe('\\*a\\* \\_b\\_ \\`c\\` \\<d\\> \\#e');
  });
});
