import { describe, expect, it } from 'vitest';
import { bannedDomainOf } from '../../../../functions/ingest/contact-form/banned-email-domain';

describe('banned e-mail domains', () => {
  const banned = ['mailinator.com', 'guerrillamail.com'];

  it('finds an address at a banned domain, in any case', () => {
    expect(bannedDomainOf('someone@Mailinator.COM', banned)).toBe('mailinator.com');
  });

  it('finds an address at a subdomain of a banned domain', () => {
    expect(bannedDomainOf('someone@eu.mailinator.com', banned)).toBe('mailinator.com');
  });

  it('lets a domain that only ends in the same letters through', () => {
    expect(bannedDomainOf('someone@notmailinator.com', banned)).toBeUndefined();
  });

  it('lets every address through when nothing is banned', () => {
    expect(bannedDomainOf('someone@mailinator.com', [])).toBeUndefined();
  });
});
