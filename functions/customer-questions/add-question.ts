import type { AutomationContext } from '../../shared/automation/automation';
import { describeInstant } from '../../shared/calendar/describe';
import { businessCalendarOf } from '../../shared/config/business-calendar-of';
import { designatedChannelOf } from '../../shared/customers/customer-messages';
import type { EventOf } from '../../shared/events/catalogue';
import type { SheetTab } from '../../shared/providers/google-sheets/spreadsheet';
import { firstLine } from '../../shared/providers/slack/slack-text';
import { channelLabel, questionAdded, questionsNotSetUp, switchboardNotInChannel } from './question-messages';
import { findQuestionRow, QUESTION_RANGE, questionKey, questionRow } from './question-row';
import { QuestionStore } from './question-store';
import { isNotInChannel, tellPrivately } from './tell-privately';
import { nextWeeklySummary } from './weekly-summary-schedule';

/** The callback id of the "Send to customer questions" shortcut in the Slack app (README, the manifest). */
export const SEND_TO_CUSTOMER_QUESTIONS = 'customer-questions:send';
const EXCERPT_LIMIT = 150;

interface AddedRow {
  row: number | undefined;
  url: string;
  addedAt: string;
}

/**
 * Someone used "Send to customer questions" on a message: append it to the sheet once per message —
 * however often Slack retries or people use the shortcut on it — file it for the week's summary, and
 * tell them, privately, where the row is. Where Switchboard is not in the channel and Slack refuses to
 * let it read or answer there, the shortcut's response URL tells them to invite it.
 */
export async function addQuestion(event: EventOf<'slack.shortcut.used'>, context: AutomationContext): Promise<void> {
  const { run, config } = context;
  const shortcut = event.detail;
  if (!run.check('the customer questions shortcut', shortcut.callbackId === SEND_TO_CUSTOMER_QUESTIONS ? undefined : `unknown shortcut ${shortcut.callbackId}`)) return;

  const settings = config.customerQuestions;
  if (settings === undefined) {
    run.check('customer questions are configured', 'no customerQuestions section in the configuration');
    await run.step('tell them it is not set up', async () => {
      const told = await tellPrivately(context, shortcut, `customer-questions.not-set-up:${shortcut.eventId}`, questionsNotSetUp({ channel: shortcut.channel, user: shortcut.user, threadTs: shortcut.threadTs }));
      return told.alreadyDone ? { outcome: 'skipped', detail: 'already told' } : { detail: `told ${shortcut.user} by ${told.how}` };
    });
    return;
  }
  run.check('customer questions are configured', undefined, `sheet ${settings.spreadsheetId}, tab "${settings.tab}"`);

  const tab: SheetTab = { spreadsheetId: settings.spreadsheetId, tab: settings.tab };
  const customer = designatedChannelOf(config, shortcut.channel)?.customer ?? '';
  const timeZone = businessCalendarOf(config).settings.timeZone;
  const key = questionKey(shortcut.channel, shortcut.messageTs);

  const permalink = await run.step('link to the message', async () => {
    try {
      const link = await context.slack.permalink(shortcut.channel, shortcut.messageTs);
      return { detail: `${shortcut.channel} ${shortcut.messageTs}`, link };
    } catch (error) {
      // Without a response URL nobody could be told: the run fails, and says why.
      if (!isNotInChannel(error) || shortcut.responseUrl === undefined) throw error;
      return { outcome: 'filtered' as const, detail: `Slack refused (${error.code}): Switchboard is not in ${channelLabel(shortcut)}`, link: undefined };
    }
  });
  if (permalink.link === undefined) {
    await run.step('tell them to invite Switchboard', async () => {
      // A response URL leaves nothing to look up after a crash: at worst the advice shows twice.
      const told = await context.once(`customer-questions.invite:${shortcut.eventId}`, () => context.slack.respond(shortcut.responseUrl as string, switchboardNotInChannel(channelLabel(shortcut))));
      return told.alreadyDone ? { outcome: 'skipped', detail: 'already told' } : { detail: `told ${shortcut.user}, through the response URL, to invite @Switchboard to ${channelLabel(shortcut)}` };
    });
    return;
  }
  const link = permalink.link;

  // The sheet is read before appending, and read again by a process that takes over a crashed claim: a
  // row whose append reached Google but whose answer (or completion) was lost is found, not added twice.
  const findRow = async (): Promise<AddedRow | undefined> => {
    const found = findQuestionRow(await context.sheets.readRows(tab, QUESTION_RANGE), key);
    if (found === undefined) return undefined;
    return { row: found.row, url: await context.sheets.rowUrl(tab, found.row), addedAt: found.addedAt ?? context.clock.now().toISOString() };
  };
  const added = await run.step('append the question to the sheet', async () => {
    const outcome = await context.once<AddedRow>(
      `customer-questions.row:${key}`,
      async () => {
        const existing = await findRow();
        if (existing !== undefined) return existing;
        const addedAt = context.clock.now();
        const cells = questionRow({ ...shortcut, customer, permalink: link, sentBy: shortcut.userName ?? shortcut.user, addedAt, timeZone });
        const appended = await context.sheets.appendRow(tab, cells);
        return { row: appended.row, url: appended.url, addedAt: addedAt.toISOString() };
      },
      { find: findRow },
    );
    const where = outcome.result.row === undefined ? 'appended (row unknown in dry-run)' : `row ${outcome.result.row}`;
    if (!outcome.alreadyDone) return { detail: `${where} for ${customer || shortcut.channel}`, ...outcome.result, already: false };
    if (outcome.performedBy === shortcut.eventId) return { outcome: 'skipped' as const, detail: `already appended by an earlier attempt (${where})`, ...outcome.result, already: false };
    return { outcome: 'skipped' as const, detail: `this message is already in the sheet (${where})`, ...outcome.result, already: true };
  });

  await run.step('file it for the weekly summary', async () => {
    const summaryAt = nextWeeklySummary(new Date(added.addedAt), { ...settings.weeklySummary, timeZone });
    await new QuestionStore(context.table).remember(summaryAt, {
      key,
      customer,
      channelLabel: shortcut.channelName === undefined ? shortcut.channel : `#${shortcut.channelName}`,
      excerpt: firstLine(shortcut.text, EXCERPT_LIMIT),
      permalink: link,
      rowUrl: added.url,
      row: added.row,
      addedAt: added.addedAt,
    });
    // One timer per week: the same id for the same summary is scheduled once, whatever the number of questions.
    await context.timers.schedule({
      id: `customer-questions:summary:${summaryAt.toISOString()}`,
      automation: 'customer-questions',
      kind: 'weekly-summary',
      subject: summaryAt.toISOString(),
      dueAt: summaryAt,
    });
    return { detail: `in the summary of ${describeInstant(summaryAt, timeZone)}` };
  });

  await run.step('confirm to the person who sent it', async () => {
    const confirmation = questionAdded({ channel: shortcut.channel, user: shortcut.user, threadTs: shortcut.threadTs, row: added.row, url: added.url, already: added.already });
    const told = await tellPrivately(context, shortcut, `customer-questions.confirm:${shortcut.eventId}`, confirmation);
    return told.alreadyDone ? { outcome: 'skipped', detail: 'already told' } : { detail: `told ${shortcut.user} by ${told.how}` };
  });
}
