import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readyReply, renderTemplate } from '../../../functions/job-applications/ready-reply';
import { parseConfig } from '../../../shared/config/parse-config';

const config = parseConfig(readFileSync(new URL('../../../switchboard.config.example.yaml', import.meta.url), 'utf8'), 'example');
const values = { firstName: 'Ada', lastName: 'Lovelace', position: 'Software Engineer', company: 'Example Inc.', cse: 'Riley (CSE)' };

describe('the ready reply', () => {
  it('fills every placeholder, with or without spaces inside the braces', () => {
    expect(renderTemplate('{{firstName}} {{ lastName }} for {{position}} at {{company}}, {{cse}}', values)).toBe('Ada Lovelace for Software Engineer at Example Inc., Riley (CSE)');
  });

  it('is addressed to the applicant, with the head of people in CC', () => {
    const reply = readyReply(config.jobApplications!, 'ada.lovelace@example.org', values);

    expect(reply.to).toEqual(['ada.lovelace@example.org']);
    expect(reply.cc).toEqual(['people@example.com']);
  });

  it("renders the example's template with the position and the first name", () => {
    const reply = readyReply(config.jobApplications!, 'ada.lovelace@example.org', values);

    expect(reply.subject).toBe('Your application for Software Engineer at Example Inc.');
    expect(reply.body).toContain('Hi Ada,');
    expect(reply.body).toContain('the Software Engineer role at Example Inc.');
    expect(reply.body.endsWith('Riley (CSE)')).toBe(true);
    expect(reply.body).not.toContain('{{');
  });
});
