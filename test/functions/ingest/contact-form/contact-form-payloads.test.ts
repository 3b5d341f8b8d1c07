import { describe, expect, it } from 'vitest';
import { readContactFormSubmission } from '../../../../functions/ingest/contact-form/contact-form-payloads';
import { websiteFixture } from '../../../support/website-requests';

function issuesOf(fields: Record<string, unknown>) {
  const read = readContactFormSubmission(fields);
  return 'issues' in read ? read.issues : [];
}

describe('contact form fields', () => {
  it("reads the website's job application, trimmed, without the secret", () => {
    const read = readContactFormSubmission({ ...websiteFixture('job-application'), firstName: '  Ada ' });

    expect(read).toEqual({
      submission: {
        kind: 'job-application',
        firstName: 'Ada',
        lastName: 'Lovelace',
        emailAddress: 'ada.lovelace@example.org',
        position: '🚀 Software Engineer 🌦️',
        linkedinProfileUrl: 'https://www.linkedin.com/in/ada-lovelace-example',
        location: 'London, UK',
        message: 'I have been writing programs for the Analytical Engine and would love to join your team.',
      },
    });
  });

  it('reads a general contact message (no position)', () => {
    const read = readContactFormSubmission(websiteFixture('contact-message'));

    expect(read).toEqual({
      submission: { kind: 'contact-message', firstName: 'Grace', lastName: 'Hopper', emailAddress: 'grace.hopper@example.net', message: 'Do you offer a discount for non-profit organisations?' },
    });
  });

  it('treats optional fields sent empty or null as absent', () => {
    const read = readContactFormSubmission({ ...websiteFixture('job-application'), linkedinProfileUrl: '', location: null, message: '   ' });

    expect('submission' in read && read.submission).toEqual(expect.not.objectContaining({ linkedinProfileUrl: expect.anything() }));
    expect('submission' in read && Object.keys(read.submission).sort()).toEqual(['emailAddress', 'firstName', 'kind', 'lastName', 'position']);
  });

  it('names every missing or malformed field at once', () => {
    const issues = issuesOf({ firstName: ' ', emailAddress: 'not-an-address', position: 'Engineer', linkedinProfileUrl: 'javascript:alert(1)', location: 42 });

    expect(issues).toEqual([
      { path: 'firstName', message: 'is required' },
      { path: 'lastName', message: 'is required' },
      { path: 'emailAddress', message: 'must be an e-mail address' },
      { path: 'linkedinProfileUrl', message: 'must be an http(s) URL' },
      { path: 'location', message: 'must be text' },
    ]);
  });

  it('asks for a message when there is no position', () => {
    expect(issuesOf({ firstName: 'Grace', lastName: 'Hopper', emailAddress: 'grace@example.net' })).toEqual([
      { path: 'message', message: 'is required for a contact message (one without a position)' },
    ]);
  });

  it('refuses values over their limits without quoting them', () => {
    const issues = issuesOf({ ...websiteFixture('job-application'), lastName: 'x'.repeat(201), message: 'y'.repeat(20_001) });

    expect(issues).toEqual([
      { path: 'lastName', message: 'must be at most 200 characters' },
      { path: 'message', message: 'must be at most 20000 characters' },
    ]);
  });
});
