import { describe, expect, it } from 'vitest';
import { stripDepartmentEmoji } from '../../../functions/job-applications/strip-department-emoji';

describe('stripping department emoji from a position', () => {
  it.each([
    ['🚀 Software Engineer 🌦️', 'Software Engineer'],
    ['Software Engineer 🌦️', 'Software Engineer'],
    ['📣 Account Executive', 'Account Executive'],
    ['🛠️Support🧑‍💻 Engineer', 'Support Engineer'],
    ['👩🏽‍💻 Developer Advocate 🇺🇸', 'Developer Advocate'],
    ['  Customer Success Engineer  ', 'Customer Success Engineer'],
    ['Site Reliability Engineer (SRE) – EMEA', 'Site Reliability Engineer (SRE) – EMEA'],
  ])('%s → %s', (posted, stripped) => {
    expect(stripDepartmentEmoji(posted)).toBe(stripped);
  });

  it('keeps digits and punctuation, which are not department emoji', () => {
    expect(stripDepartmentEmoji('Engineer #2, Level 3*')).toBe('Engineer #2, Level 3*');
  });

  it('keeps ™, © and ® written as text, and strips them written as emoji', () => {
    expect(stripDepartmentEmoji('🚀 Salesforce® Admin – Engineer™')).toBe('Salesforce® Admin – Engineer™');
    expect(stripDepartmentEmoji('©️ Rights Manager ™️')).toBe('Rights Manager');
  });

  it('keeps a title of emoji alone as posted, rather than making it empty', () => {
    expect(stripDepartmentEmoji(' 🚀 ')).toBe('🚀');
  });
});
