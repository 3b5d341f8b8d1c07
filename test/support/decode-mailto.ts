/** Reads a mailto: URI back as RFC 6068 defines it (no `+` for spaces: it is literal). */
export function decodeMailto(uri: string): { to: string[]; fields: Record<string, string> } {
  if (!uri.startsWith('mailto:')) throw new Error(`not a mailto: URI: ${uri.slice(0, 40)}`);
  const [to = '', query = ''] = uri.slice('mailto:'.length).split('?');
  const fields = Object.fromEntries(
    query
      .split('&')
      .filter(Boolean)
      .map((field) => {
        const [name = '', value = ''] = field.split('=');
        return [decodeURIComponent(name), decodeURIComponent(value)];
      }),
  );
  return { to: to.split(',').map(decodeURIComponent), fields };
}
