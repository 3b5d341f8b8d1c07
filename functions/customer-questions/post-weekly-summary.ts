import type { AutomationContext } from '../../shared/automation/automation';
import { postMessageOnce } from '../../shared/automation/post-message-once';
import { businessCalendarOf } from '../../shared/config/business-calendar-of';
import type { EventOf } from '../../shared/events/catalogue';
import { QuestionStore } from './question-store';
import { weeklySummary } from './weekly-summary-message';
import { weekBefore } from './weekly-summary-schedule';

/**
 * The weekly-summary timer fired: post the questions filed under it to the docs channel, once (a timer
 * delivered twice, or a replay, finds the post already made).
 */
export async function postWeeklySummary(event: EventOf<'timer.fired'>, context: AutomationContext): Promise<void> {
  const { run, config } = context;
  const timer = event.detail;
  if (!run.check('a weekly-summary timer', timer.kind === 'weekly-summary' ? undefined : `unknown timer kind ${timer.kind}`)) return;
  const settings = config.customerQuestions;
  if (!run.check('customer questions are configured', settings === undefined ? 'no customerQuestions section in the configuration' : undefined, settings?.docsChannel)) return;
  if (settings === undefined) return;

  const summaryAt = new Date(timer.subject);
  const questions = await new QuestionStore(context.table).ofWeek(summaryAt);
  if (!run.check('questions this week', questions.length === 0 ? 'no question was sent this week' : undefined, `${questions.length}`)) return;

  const timeZone = businessCalendarOf(config).settings.timeZone;
  await run.step('post the weekly summary', async () => {
    const posted = await postMessageOnce(
      context,
      `customer-questions.summary:${timer.subject}`,
      weeklySummary({ channel: settings.docsChannel, from: weekBefore(summaryAt, timeZone), to: summaryAt, timeZone, questions }),
    );
    return posted.alreadyDone
      ? { outcome: 'skipped', detail: `already posted (${posted.result.ts})` }
      : { detail: `${questions.length} question(s) to ${settings.docsChannel} (${posted.result.ts})` };
  });
}
