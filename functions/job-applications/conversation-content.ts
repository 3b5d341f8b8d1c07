import type { DetailOf } from '../../shared/events/catalogue';
import { mailtoLink } from './mailto-link';
import type { ReadyReply } from './ready-reply';

type Submission = DetailOf<'contact.form.submitted'>;

/** What an application's conversation says beyond the submission itself. */
export interface ApplicationContext {
  /** Without its department emoji. */
  position: string;
  cseName: string;
  /** "Monday, November 23 at 9:00 AM PT". */
  due: string;
  respondWithinHours: number;
  reply: ReadyReply;
  reference: string;
}

/**
 * The title of an application's conversation: the position and the applicant's name, and the reference
 * by which Switchboard finds the conversation again.
 *
 * @example
 * applicationTitle('Software Engineer', 'Ada', 'Lovelace', 'SB-4F1A9C0B7E') // 'Job application: Software Engineer — Ada Lovelace [SB-4F1A9C0B7E]'
 */
export function applicationTitle(position: string, firstName: string, lastName: string, reference: string): string {
  return `Job application: ${oneLine(position)} — ${oneLine(firstName)} ${oneLine(lastName)} [${reference}]`;
}

/** The title of a general contact message's conversation. */
export function contactMessageTitle(firstName: string, lastName: string, reference: string): string {
  return `Website message from ${oneLine(firstName)} ${oneLine(lastName)} [${reference}]`;
}

/**
 * The conversation's Markdown for an application: the applicant's details, the assigned CSE and the
 * deadline, the message, and the ready reply with a `mailto:` link that opens it pre-filled (these
 * messages cannot be answered from Unthread). Everything the applicant typed is escaped, so it cannot
 * add links or formatting of its own.
 */
export function applicationMarkdown(submission: Submission, context: ApplicationContext): string {
  const rows: [string, string][] = [
    ['Applicant', `${escapeMarkdown(submission.firstName)} ${escapeMarkdown(submission.lastName)}`],
    ['E-mail', escapeMarkdown(submission.emailAddress)],
    ['Position', escapeMarkdown(context.position)],
    ...(submission.linkedinProfileUrl === undefined ? [] : ([['LinkedIn', escapeMarkdown(submission.linkedinProfileUrl)]] as [string, string][])),
    ...(submission.location === undefined ? [] : ([['Location', escapeMarkdown(submission.location)]] as [string, string][])),
    ['Assigned to', escapeMarkdown(context.cseName)],
    ['Reply by', `${context.due} (${context.respondWithinHours} business hours from receipt)`],
  ];
  return [
    `**Job application for ${escapeMarkdown(context.position)}**`,
    '',
    '| | |',
    '| --- | --- |',
    ...rows.map(([label, value]) => `| ${label} | ${value} |`),
    '',
    ...messageSection(submission.message),
    '### Ready reply',
    '',
    `${escapeMarkdown(context.cseName)}, please send this reply from your own e-mail (it cannot be answered from Unthread): ` +
      `[open it pre-filled](${mailtoLink(context.reply)}).`,
    '',
    `**To:** ${escapeMarkdown(context.reply.to.join(', '))}  `,
    `**Cc:** ${escapeMarkdown(context.reply.cc.join(', '))}  `,
    `**Subject:** ${escapeMarkdown(context.reply.subject)}`,
    '',
    ...quote(context.reply.body),
    '',
    footer(context.reference),
  ].join('\n');
}

/** The conversation's Markdown for a general contact message: who wrote, what, and a link to answer by e-mail. */
export function contactMessageMarkdown(submission: Submission, reference: string, company: string): string {
  const reply = mailtoLink({ to: [submission.emailAddress], subject: `Re: your message to ${company}`, body: `Hi ${submission.firstName},\n\n` });
  return [
    `**Message from the website contact form**`,
    '',
    '| | |',
    '| --- | --- |',
    `| From | ${escapeMarkdown(submission.firstName)} ${escapeMarkdown(submission.lastName)} |`,
    `| E-mail | ${escapeMarkdown(submission.emailAddress)} |`,
    '',
    ...messageSection(submission.message),
    `Answer from your own e-mail (it cannot be answered from Unthread): [reply](${reply}).`,
    '',
    footer(reference),
  ].join('\n');
}

function messageSection(message: string | undefined): string[] {
  return message === undefined ? [] : ['### Message', '', ...quote(message), ''];
}

/** Every line as a Markdown quote, escaped. */
function quote(text: string): string[] {
  return text.split(/\r\n|\r|\n/).map((line) => (line.trim() === '' ? '>' : `> ${escapeMarkdown(line)}`));
}

function footer(reference: string): string {
  return `---\n_Created by Switchboard (job-applications), reference ${reference}._`;
}

/** Backslash-escapes Markdown's punctuation, and table pipes, in text people typed. */
export function escapeMarkdown(text: string): string {
  return oneLine(text).replace(/[\\`*_{}[\]()<>#+\-.!|~]/g, (character) => `\\${character}`);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
