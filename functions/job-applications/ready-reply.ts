import type { JobApplicationsConfig } from '../../shared/config/config-schema';
import type { MailtoMessage } from './mailto-link';

/** The values a reply template's `{{placeholders}}` take. */
export interface ReplyValues {
  firstName: string;
  lastName: string;
  /** Without its department emoji. */
  position: string;
  company: string;
  /** The assigned CSE, who sends it. */
  cse: string;
}

/** The reply a CSE sends the applicant from their own mail client, with the head of people in CC. */
export interface ReadyReply extends MailtoMessage {
  to: [string];
  cc: [string];
}

/**
 * Fills a template's `{{placeholder}}`s (the configuration refuses unknown ones).
 *
 * @example
 * renderTemplate('Hi {{firstName}}', values) // 'Hi Ada'
 */
export function renderTemplate(template: string, values: ReplyValues): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (placeholder, name: string) =>
    Object.hasOwn(values, name) ? values[name as keyof ReplyValues] : placeholder,
  );
}

/** The configured reply to one applicant: to them, the head of people in CC, subject and body from the template. */
export function readyReply(config: Pick<JobApplicationsConfig, 'reply' | 'headOfPeople'>, applicantEmail: string, values: ReplyValues): ReadyReply {
  return {
    to: [applicantEmail],
    cc: [config.headOfPeople.email],
    subject: renderTemplate(config.reply.subject, values).replace(/\s+/g, ' ').trim(),
    body: renderTemplate(config.reply.body, values).trimEnd(),
  };
}
