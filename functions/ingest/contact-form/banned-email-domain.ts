/**
 * The banned domain an e-mail address is at (the domain itself or one of its subdomains), or undefined.
 *
 * @example
 * bannedDomainOf('someone@eu.mailinator.com', ['mailinator.com']) // 'mailinator.com'
 * bannedDomainOf('someone@notmailinator.com', ['mailinator.com']) // undefined
 */
export function bannedDomainOf(emailAddress: string, bannedDomains: readonly string[]): string | undefined {
  const domain = emailAddress.slice(emailAddress.lastIndexOf('@') + 1).toLowerCase().replace(/\.$/, '');
  return bannedDomains.find((banned) => domain === banned || domain.endsWith(`.${banned}`));
}
