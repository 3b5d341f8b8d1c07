import type { Command } from 'commander';
import { syncSettingsOf } from '../../../../functions/codename-sync/sync-settings';
import type { RunRecord } from '../../../../shared/runs/run';
import { withTarget, type CliIo } from '../../cli-context';
import { CliError } from '../../cli-error';
import { newSalesforceId, outboundMessageXml, sendOutboundMessage } from '../../scenarios/salesforce-outbound-message';
import { parseCount } from '../../option-parsers';
import { baseUrlOf, describeRuns, waitForRuns } from './simulation';

interface SalesforceChangeOptions {
  account: string;
  accountId?: string;
  labels: string;
  notification?: string;
  retries: number;
  url?: string;
  wait: boolean;
}

/**
 * `simulate salesforce-change`: an Account's "GitHub label" field changed, as Salesforce's outbound message
 * sends it (SOAP, `text/xml`), with the org id and the `token` of the target (SALESFORCE_ORG_ID and
 * SALESFORCE_OUTBOUND_TOKEN, generated locally when unset), the field named by the configuration.
 */
export function registerSalesforceChangeScenario(simulate: Command, io: CliIo): void {
  simulate
    .command('salesforce-change')
    .description("an Account's GitHub label field changed: Salesforce's outbound message, with the right org id and token")
    .addHelpText('after', '\nExamples:\n  switchboard simulate salesforce-change --account "Initech" --labels "customer-silver-fox"')
    .option('--account <name>', "the Account's name (the customer's)", 'Example Customer Inc.')
    .option('--account-id <id>', "the Account's id (default: a new one)")
    .option('--labels <labels>', 'the field\'s value, labels separated as the configuration says', 'customer-blue-heron')
    .option('--notification <id>', "the notification's id (default: a new one; reuse one to see a redelivery deduplicated)")
    .option('--retries <n>', 'also send the same message N more times, as Salesforce retries', parseCount, 0)
    .option('--url <url>', 'the Switchboard to send to (default: the running local one, or the stack)')
    .option('--no-wait', 'do not wait for the runs it causes')
    .action(async (options: SalesforceChangeOptions, command: Command) => {
      if (options.accountId !== undefined && !/^001[A-Za-z0-9]{12}([A-Za-z0-9]{3})?$/.test(options.accountId)) throw new CliError('--account-id must be an Account id: 001 and 12 or 15 more letters and digits');
      await withTarget(command, io, async (target, output) => {
        const baseUrl = await baseUrlOf(target, options.url);
        const { SALESFORCE_ORG_ID: organizationId, SALESFORCE_OUTBOUND_TOKEN: token } = await target.secrets();
        if (organizationId === undefined || token === undefined) {
          throw new CliError('SALESFORCE_ORG_ID and SALESFORCE_OUTBOUND_TOKEN are not known here: start Switchboard once (it generates them locally), or set them');
        }
        const { config } = await target.configs.current();
        const { field } = syncSettingsOf(config);
        const notification = { id: options.notification ?? newSalesforceId('04l'), accountId: options.accountId ?? newSalesforceId('001'), name: options.account, fields: { [field]: options.labels === '' ? null : options.labels } };
        const xml = outboundMessageXml({ organizationId, notifications: [notification] });
        for (let attempt = 0; attempt <= options.retries; attempt += 1) {
          let answer: { status: number; body: string };
          try {
            answer = await sendOutboundMessage(baseUrl, token, xml);
          } catch (error) {
            throw new CliError(`no Switchboard answers at ${baseUrl}: start it with \`npm start\` (${(error as Error).message})`);
          }
          const acked = answer.status === 200 && answer.body.includes('<Ack>true</Ack>');
          output.say(`${attempt === 0 ? 'Sent' : `Retry ${attempt} of`} outbound message ${notification.id} (Account ${notification.accountId}, ${field}: ${options.labels || '(empty)'}) to ${baseUrl}/webhooks/salesforce: HTTP ${answer.status}${acked ? ', Ack true' : ` ${answer.body.slice(0, 200)}`}`);
          if (!acked) throw new CliError(`Switchboard did not ack the outbound message (HTTP ${answer.status})`);
        }
        const runs: RunRecord[] = options.wait ? await waitForRuns(target, notification.id) : [];
        output.record({ notificationId: notification.id, accountId: notification.accountId, runs }, () => describeRuns(runs));
      });
    });
}
