import type { AutomationContext } from '../../shared/automation/automation';
import type { Incident } from './incident';

/**
 * The page an incident's latest transition replaced is over: the run that sent it, waiting for an ACK,
 * is closed, naming the run that moved the incident on and why (an ACK, a timeout, a failed delivery).
 */
export async function closeSupersededPage(incident: Incident, reason: string, context: AutomationContext): Promise<void> {
  if (incident.supersededEventId === undefined) return;
  await context.closeWaitingRun(incident.supersededEventId, reason);
}
