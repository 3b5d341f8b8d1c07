/** Where Slack's response URLs live (`https://hooks.slack.com/app/T…/…/…` for a message shortcut). */
export const SLACK_RESPONSE_URL_BASE = 'https://hooks.slack.com/';

/** Slack's are about a hundred characters; anything much longer is not one of them. */
const MAX_LENGTH = 500;

/**
 * A payload's `response_url`, kept only when it is one of Slack's: https, on hooks.slack.com, no
 * credentials or port of its own — or under `override` (a fake Slack on 127.0.0.1 in tests). Anything else
 * is dropped, so that a payload cannot make Switchboard POST elsewhere. The URL lets whoever holds it
 * answer the person for 30 minutes: it travels in the event, and is never logged.
 *
 * @example
 * trustedResponseUrl('https://hooks.slack.com/app/T0EXAMPLE1/8123/AbCd') // kept
 * trustedResponseUrl('https://hooks.slack.com.evil.example/app/T0/1/x')   // undefined
 */
export function trustedResponseUrl(value: string | undefined, override?: string): string | undefined {
  if (value === undefined || value.length > MAX_LENGTH) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.username !== '' || url.password !== '') return undefined;
  if (url.href.startsWith(SLACK_RESPONSE_URL_BASE) && url.protocol === 'https:' && url.host === 'hooks.slack.com') return url.href;
  if (override !== undefined && url.href.startsWith(override)) return url.href;
  return undefined;
}
