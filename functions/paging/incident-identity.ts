import { createHash } from 'node:crypto';

/** Letters and digits that cannot be confused on a phone keyboard or screen (no 0/O, 1/I/L). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

function encode(bytes: Uint8Array, length: number): string {
  return Array.from(bytes.subarray(0, length), (byte) => ALPHABET[byte % ALPHABET.length]).join('');
}

/**
 * The incident id for the event that opened it: derived, so a redelivered emergency finds its incident
 * instead of opening another.
 *
 * @example incidentIdFor('emergency:C0ACMEPROD:1795406401.000300') // 'INC-7K2M9Q'
 */
export function incidentIdFor(triggerEventId: string): string {
  return `INC-${encode(createHash('sha256').update(triggerEventId).digest(), 6)}`;
}

/**
 * ACK codes to try for an incident, in order: four characters, short enough to type on a phone. The next
 * candidate is used only if an open incident already holds the first.
 */
export function ackCodeCandidates(incidentId: string): string[] {
  const digest = createHash('sha256').update(`ack:${incidentId}`).digest();
  return Array.from({ length: 8 }, (_, i) => encode(digest.subarray(i * 4), 4));
}
