import type { Command } from 'commander';
import { withTarget, type CliIo } from '../../cli-context';
import { parseCount } from '../../option-parsers';
import { CliError } from '../../cli-error';
import { contactMessagePayload, jobApplicationPayload, SAMPLE_APPLICATION, SAMPLE_CONTACT_MESSAGE } from '../../scenarios/contact-form-payload';
import { sendContactFormRequest } from '../../scenarios/send-contact-form-request';
import type { Target } from '../../../admin/target';
import type { Output } from '../../output';
import { baseUrlOf, describeRuns, serverTime, waitForRuns } from './simulation';

interface FormOptions {
  firstName: string;
  lastName: string;
  email: string;
  message: string;
  form: boolean;
  signed: boolean;
  repost: number;
  url?: string;
  wait: boolean;
}

/**
 * `simulate job-application` and `simulate contact-message`: the website's forms, posted exactly as the
 * website posts them to Zapier today (JSON with `webhookSecret`), or form-encoded, or signed instead.
 */
export function registerContactFormScenarios(simulate: Command, io: CliIo): void {
  formOptions(
    simulate.command('job-application').description("a job application from the website's careers form (POST /webhooks/contact-form, its exact request)")
    .addHelpText('after', '\nExamples:\n  switchboard simulate job-application\n  switchboard simulate job-application --repost 2    # a double click: one conversation'),
    SAMPLE_APPLICATION,
  )
    .option('--position <title>', 'the position, as the careers page shows it', SAMPLE_APPLICATION.position)
    .option('--linkedin <url>', 'their LinkedIn profile', SAMPLE_APPLICATION.linkedinProfileUrl)
    .option('--location <place>', 'where they are', SAMPLE_APPLICATION.location)
    .action(async (options: FormOptions & { position: string; linkedin: string; location: string }, command: Command) => {
      await withTarget(command, io, async (target, output) => {
        const secret = await contactFormSecret(target);
        const fields = jobApplicationPayload(
          {
            firstName: options.firstName,
            lastName: options.lastName,
            emailAddress: options.email,
            position: options.position,
            linkedinProfileUrl: options.linkedin,
            location: options.location,
            message: options.message,
          },
          secret,
        );
        await sendForm(target, output, options, fields, secret, 'job application');
      });
    });

  formOptions(simulate.command('contact-message').description("a message from the website's general contact form (POST /webhooks/contact-form)")
    .addHelpText('after', '\nExamples:\n  switchboard simulate contact-message'), SAMPLE_CONTACT_MESSAGE).action(
    async (options: FormOptions, command: Command) => {
      await withTarget(command, io, async (target, output) => {
        const secret = await contactFormSecret(target);
        const fields = contactMessagePayload({ firstName: options.firstName, lastName: options.lastName, emailAddress: options.email, message: options.message }, secret);
        await sendForm(target, output, options, fields, secret, 'contact message');
      });
    },
  );
}

function formOptions(command: Command, sample: { firstName: string; lastName: string; emailAddress: string; message: string }): Command {
  return command
    .option('--first-name <name>', 'their first name', sample.firstName)
    .option('--last-name <name>', 'their last name', sample.lastName)
    .option('--email <address>', 'their e-mail address', sample.emailAddress)
    .option('--message <text>', 'what they write', sample.message)
    .option('--form', 'send the fields form-encoded instead of JSON')
    .option('--signed', 'authenticate with an X-Switchboard-Signature header instead of the webhookSecret field')
    .option('--repost <n>', 'post the same form again N times, as a double click or a reload does', parseCount, 0)
    .option('--url <url>', 'the Switchboard to send to (default: the running local one, or the stack)')
    .option('--no-wait', 'do not wait for the runs it causes');
}

async function contactFormSecret(target: Target): Promise<string> {
  const { CONTACT_FORM_SECRET: secret } = await target.secrets();
  if (secret === undefined) throw new CliError('no CONTACT_FORM_SECRET to send: set it, or start the local runtime once to generate one');
  return secret;
}

async function sendForm(target: Target, output: Output, options: FormOptions, fields: Record<string, string>, secret: string, what: string): Promise<void> {
  const baseUrl = await baseUrlOf(target, options.url);
  await serverTime(baseUrl); // a stopped Switchboard is reported before anything is sent
  const seenBefore = new Set((await target.runs.list({ automation: 'job-applications', limit: 100 })).map((run) => run.trigger.eventId));
  const url = `${baseUrl}/webhooks/contact-form`;
  const signed = options.signed ? (({ webhookSecret: _secret, ...rest }) => rest)(fields) : fields;
  const answers = [];
  for (let attempt = 0; attempt <= options.repost; attempt += 1) {
    const answer = await sendContactFormRequest({
      url,
      fields: signed,
      contentType: options.form ? 'application/x-www-form-urlencoded' : 'application/json',
      ...(options.signed ? { signWith: secret } : {}),
    });
    answers.push(answer);
    output.say(`${attempt === 0 ? 'Posted' : `Re-post ${attempt} of`} the ${what} to ${url}: HTTP ${answer.status} ${answer.body}`);
    if (answer.status !== 202) throw new CliError(`Switchboard refused the ${what} (HTTP ${answer.status}): ${answer.body}`);
  }
  const id = (JSON.parse(answers[0]!.body) as { id: string }).id;
  const runs = options.wait ? await waitForRuns(target, id) : [];
  if (seenBefore.has(id)) output.say('The same form was posted within the re-post window before: it counts once, and this is its run.');
  output.record({ id, answers, runs }, () => describeRuns(runs));
}
