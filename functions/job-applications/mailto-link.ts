/** What a `mailto:` link opens: the recipients and the message, pre-filled. */
export interface MailtoMessage {
  to: readonly string[];
  cc?: readonly string[];
  subject: string;
  body: string;
}

/**
 * A `mailto:` URI as RFC 6068 defines it: `mailto:to1,to2?cc=…&subject=…&body=…`. Every character outside
 * the URI's unreserved set is percent-encoded as UTF-8 (`@` stays literal in addresses, where RFC 6068
 * allows it), spaces as `%20` (never `+`, which mail clients read literally), and line breaks in the body
 * as `%0D%0A` (section 5). Parentheses are encoded too, so the link survives inside a Markdown `(…)`.
 *
 * @example
 * mailtoLink({ to: ['ada@example.org'], cc: ['people@example.com'], subject: 'Hello there', body: 'Hi\nAda' })
 * // 'mailto:ada@example.org?cc=people@example.com&subject=Hello%20there&body=Hi%0D%0AAda'
 */
export function mailtoLink(message: MailtoMessage): string {
  const addresses = (list: readonly string[]) => list.map((address) => encode(address, '@')).join(',');
  const fields = [
    ...(message.cc === undefined || message.cc.length === 0 ? [] : [`cc=${addresses(message.cc)}`]),
    `subject=${encode(message.subject)}`,
    `body=${encode(message.body.replace(/\r\n|\r|\n/g, '\r\n'))}`,
  ];
  return `mailto:${addresses(message.to)}?${fields.join('&')}`;
}

/** Percent-encodes every UTF-8 byte outside `A–Z a–z 0–9 - . _ ~` and the characters in `keep`. */
function encode(text: string, keep = ''): string {
  let encoded = '';
  for (const character of text) {
    if (/^[A-Za-z0-9\-._~]$/.test(character) || keep.includes(character)) {
      encoded += character;
      continue;
    }
    for (const byte of Buffer.from(character, 'utf8')) encoded += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}
