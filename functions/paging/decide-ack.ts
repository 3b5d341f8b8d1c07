import { pagedSoFar } from './escalation-plan';
import { isOpen, type Incident } from './incident';
import type { SmsIntent } from './parse-ack';

/** What an SMS from someone on the chain asks for, given the incidents: exactly one outcome, always told. */
export type AckDecision =
  /** Acknowledge this incident; `paged` says whether the sender had been paged for it yet. */
  | { kind: 'acknowledge'; incident: Incident; paged: boolean }
  /** A bare ACK with several open pages: none is chosen for them, they get the codes. */
  | { kind: 'choose'; open: Incident[] }
  /** A code no open incident of theirs has: they get the codes that are. */
  | { kind: 'unknown-code'; code: string; open: Incident[] }
  /** The incident they name (or the one they were paged for) was acknowledged already. */
  | { kind: 'taken'; incident: Incident }
  /** An ACK, and nothing open for them. */
  | { kind: 'nothing-open' }
  /** Not an ACK: they get what they could reply. */
  | { kind: 'not-an-ack'; open: Incident[] };

/**
 * Decides what an inbound SMS from `sender` (a number on the paging chain) does, from the recent incidents
 * (newest first). An ACK with a code acknowledges that incident if the sender is on its chain, paged yet
 * or not; a bare ACK acknowledges the one open incident paged to them, or, with several, none (they get
 * the list). Codes are unique among open incidents only, so an open incident wins over an old one.
 *
 * @example decideAck({ kind: 'ack' }, '+15555550101', [acmeP0, globexP1], now) // { kind: 'choose', open: [acmeP0, globexP1] }
 */
export function decideAck(intent: SmsIntent, sender: string, recent: readonly Incident[], now: Date): AckDecision {
  const onTheirChain = (incident: Incident) => incident.chain.some((member) => member.phone === sender);
  const pagedThem = (incident: Incident) => pagedSoFar(incident, incident.step).some((member) => member.phone === sender);
  const theirs = recent.filter(onTheirChain);
  const open = theirs.filter(isOpen);

  if (intent.kind !== 'ack') return { kind: 'not-an-ack', open };
  if (intent.code !== undefined) {
    const named = open.find((incident) => incident.code === intent.code);
    if (named !== undefined) return { kind: 'acknowledge', incident: named, paged: pagedThem(named) };
    const taken = theirs.find((incident) => incident.code === intent.code);
    if (taken !== undefined) return { kind: 'taken', incident: taken };
    return { kind: 'unknown-code', code: intent.code, open };
  }

  const paged = open.filter(pagedThem);
  if (paged.length === 1) return { kind: 'acknowledge', incident: paged[0] as Incident, paged: true };
  if (paged.length > 1) return { kind: 'choose', open: paged };
  // Not paged for anything open yet: an ACK from the chain is still welcome when it can only mean one.
  if (open.length === 1) return { kind: 'acknowledge', incident: open[0] as Incident, paged: false };
  if (open.length > 1) return { kind: 'choose', open };
  // A late reply to a page someone else took today is told who has it.
  const takenToday = theirs.find((incident) => pagedThem(incident) && now.getTime() - Date.parse(incident.acknowledgedAt ?? '') < RECENTLY_MS);
  return takenToday === undefined ? { kind: 'nothing-open' } : { kind: 'taken', incident: takenToday };
}

/** How long after its acknowledgement a bare ACK is still taken as a late reply to that incident's page. */
const RECENTLY_MS = 24 * 3_600_000;

/** The name the chain knows a number by: the configured chain first, then the chains of open incidents. */
export function chainMemberOf(sender: string, chain: readonly { name: string; phone: string }[], recent: readonly Incident[]): { name: string; phone: string } | undefined {
  return chain.find((member) => member.phone === sender) ?? recent.filter(isOpen).flatMap((incident) => incident.chain).find((member) => member.phone === sender);
}
