/** What an inbound SMS asks for. */
export type SmsIntent = { kind: 'ack'; code?: string } | { kind: 'other' };

/**
 * Reads an ACK, forgiving case, spacing and punctuation: "ACK", "ack k7qp", " Ack K7QP! ", "ACKK7QP",
 * "acknowledged". Anything that does not start with ACK is something else.
 *
 * @example parseAck('ack k7qp') // { kind: 'ack', code: 'K7QP' }
 */
export function parseAck(body: string): SmsIntent {
  const compact = body.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (!compact.startsWith('ACK')) return { kind: 'other' };
  const rest = compact.slice(3).replace(/^NOWLEDGED?/, '');
  return rest === '' ? { kind: 'ack' } : { kind: 'ack', code: rest };
}
