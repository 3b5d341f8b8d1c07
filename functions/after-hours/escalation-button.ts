import * as z from 'zod';
import type { Severity } from '../../shared/events/slack-events';

/** Action ids of the two buttons; the `after-hours:` prefix routes the click back to this automation. */
export const ESCALATION_ACTIONS: Readonly<Record<Severity, string>> = {
  P0: 'after-hours:escalate-p0',
  P1: 'after-hours:escalate-p1',
};

export function severityOfAction(actionId: string): Severity | undefined {
  return (Object.keys(ESCALATION_ACTIONS) as Severity[]).find((severity) => ESCALATION_ACTIONS[severity] === actionId);
}

/**
 * What a button carries back to us: who asked, and which message. Slack signs the click and only our app
 * receives actions on our messages, so the value is as trustworthy as the click.
 */
const buttonValueSchema = z.object({
  sender: z.string().min(1).max(32),
  messageTs: z.string().min(1).max(32),
  threadTs: z.string().min(1).max(32),
  excerpt: z.string().max(200),
});
export type EscalationButtonValue = z.infer<typeof buttonValueSchema>;

const EXCERPT_LIMIT = 150;

export function encodeButtonValue(value: EscalationButtonValue): string {
  const excerpt = value.excerpt.length > EXCERPT_LIMIT ? `${value.excerpt.slice(0, EXCERPT_LIMIT - 1)}…` : value.excerpt;
  return JSON.stringify({ ...value, excerpt });
}

export function decodeButtonValue(value: string): EscalationButtonValue | undefined {
  try {
    const parsed = buttonValueSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
