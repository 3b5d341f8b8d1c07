import type { Command } from 'commander';
import { OUTBOX_PROVIDERS } from '../../../shared/providers/outbox';
import { withTarget, type CliIo } from '../cli-context';
import { oneOf, parsePositiveInteger } from '../option-parsers';

/** `switchboard outbox list`: what the dry-run providers would have sent. */
export function registerOutboxCommands(program: Command, io: CliIo): void {
  const outbox = program
    .command('outbox')
    .description('calls the dry-run providers recorded instead of sending')
    .addHelpText('after', '\nExamples:\n  switchboard outbox list --provider slack');

  outbox
    .command('list')
    .description('recorded calls, newest first')
    .option('--provider <name>', `only this provider: ${OUTBOX_PROVIDERS.join(', ')}`, oneOf(OUTBOX_PROVIDERS, 'a provider'))
    .option('--limit <n>', 'how many', parsePositiveInteger, 20)
    .option('--full', 'print each call in full')
    .addHelpText('after', '\nExamples:\n  switchboard outbox list\n  switchboard outbox list --provider twilio --full')
    .action(async (options: { provider?: string; limit: number; full?: boolean }, command: Command) => {
      await withTarget(command, io, async (target, output) => {
        const entries = await target.outbox.list({ limit: options.limit, ...(options.provider === undefined ? {} : { provider: options.provider }) });
        if (options.full && !output.json) {
          output.record(entries, () =>
            entries.length === 0 ? [emptyMessage(options.provider)] : entries.flatMap((e) => [`${output.time(e.recordedAt)}  ${e.provider} ${e.operation}`, JSON.stringify(e.request, null, 2), '']),
          );
          return;
        }
        output.table(
          entries,
          [
            { header: 'recorded at', cell: (e) => output.time(e.recordedAt) },
            { header: 'provider', cell: (e) => e.provider },
            { header: 'operation', cell: (e) => e.operation },
            { header: 'request', cell: (e) => e.request },
          ],
          emptyMessage(options.provider),
        );
      });
    });
}

function emptyMessage(provider: string | undefined): string {
  return provider === undefined
    ? 'The outbox is empty: no dry-run provider has been asked to send anything.'
    : `No ${provider} calls in the outbox (\`switchboard outbox list\` shows every provider's).`;
}
