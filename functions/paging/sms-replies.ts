import type { Incident } from './incident';
import { toGsmText } from './page-message';

/**
 * The SMS Switchboard answers someone on the chain with: every message from them gets one, saying what
 * happened (GSM-7 text, so that a reply stays one or two segments).
 */

/** How many open pages a reply lists before "and N more". */
const LISTED = 4;

function name(incident: Incident): string {
  return `${toGsmText(incident.customer)} ${incident.severity}`;
}

/** "ACK K7QP for Acme Corp P0, ACK M2ZD for Globex P1" (the first few, then how many more). */
function codesOf(open: readonly Incident[]): string {
  const listed = open.slice(0, LISTED).map((incident) => `ACK ${incident.code} for ${name(incident)}`);
  return open.length > LISTED ? `${listed.join(', ')}, and ${open.length - LISTED} more` : listed.join(', ');
}

/** To whoever acknowledged; one who was not paged yet is told their ACK counted all the same. */
export function acknowledgementConfirmed(incident: Incident, by: string, paged: boolean): string {
  const before = paged ? '' : ', before your page: you are on the chain';
  return toGsmText(`Thanks ${by}: you are on ${incident.id} (${name(incident)})${before}. The customer has been told.`);
}

/** To someone acknowledging an incident already taken. */
export function alreadyAcknowledged(incident: Incident): string {
  return toGsmText(`${incident.id} (${toGsmText(incident.customer)}) was already acknowledged by ${incident.acknowledgedBy ?? 'someone else'}. No action needed.`);
}

/** A bare ACK with several open pages: which code to send for which, and that nothing changed. */
export function chooseAPage(open: readonly Incident[]): string {
  return toGsmText(`You have ${open.length} open pages: reply ${codesOf(open)}. Nothing was acknowledged.`);
}

/** An ACK code that no open page of theirs has. */
export function unknownCode(code: string, open: readonly Incident[]): string {
  const shown = code.slice(0, 12);
  if (open.length === 0) return `No open page has the code ${shown}, and you have no open pages. Nothing was acknowledged.`;
  return toGsmText(`No open page has the code ${shown}: reply ${codesOf(open)}. Nothing was acknowledged.`);
}

/** An ACK with nothing open for them. */
export function noOpenPages(): string {
  return 'You have no open pages: nothing was acknowledged.';
}

/** Anything else than an ACK: what they could reply. */
export function notAnAck(open: readonly Incident[]): string {
  if (open.length === 0) return 'Switchboard reads only ACK replies, and you have no open pages. Nothing was changed.';
  if (open.length === 1) return toGsmText(`Switchboard reads only ACK replies: reply ACK ${(open[0] as Incident).code} to take ${name(open[0] as Incident)}. Nothing was changed.`);
  return toGsmText(`Switchboard reads only ACK replies. You have ${open.length} open pages: reply ${codesOf(open)}. Nothing was changed.`);
}
