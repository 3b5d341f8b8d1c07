import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { incidentIdFor } from '../../../functions/paging/incident-identity';
import { IncidentStore } from '../../../functions/paging/incident-store';
import { createEvent } from '../../../shared/events/validate-event';
import { withTarget, type CliIo } from '../cli-context';
import { CliError } from '../cli-error';
import type { Target } from '../../admin/target';
import { waitFor } from '../wait-for';
import { oneOf, parsePositiveInteger } from '../option-parsers';

/** `switchboard incidents list|show|open|ack`: the paging incidents (SPEC §3.B). */
export function registerIncidentsCommands(program: Command, io: CliIo): void {
  const incidents = program
    .command('incidents')
    .description('emergency paging incidents: who was paged, who acknowledged')
    .addHelpText('after', '\nExamples:\n  switchboard incidents list\n  switchboard incidents open --customer "Acme Corp"\n  switchboard incidents ack K7QP --by "Dana"');

  incidents
    .command('list')
    .description('incidents, newest first')
    .addHelpText('after', '\nExamples:\n  switchboard incidents list\n  switchboard incidents list --json')
    .option('--open', 'only those still waiting for an ACK')
    .option('--limit <n>', 'how many', parsePositiveInteger, 20)
    .action(async (options: { open?: boolean; limit: number }, command: Command) => {
      await withTarget(command, io, async (target, output) => {
        const list = await storeOf(target).list({ limit: options.limit, openOnly: options.open ?? false });
        output.table(
          list,
          [
            { header: 'incident', cell: (incident) => incident.id, keep: true },
            { header: 'ack code', cell: (incident) => incident.code, keep: true },
            { header: 'status', cell: (incident) => incident.status },
            { header: 'severity', cell: (incident) => incident.severity },
            { header: 'customer', cell: (incident) => incident.customer },
            { header: 'page', cell: (incident) => `${incident.step + 1} of ${incident.chain.length * (incident.repeats + 1)}` },
            { header: 'acknowledged by', cell: (incident) => incident.acknowledgedBy ?? '' },
            { header: 'opened at', cell: (incident) => output.time(incident.openedAt) },
          ],
          options.open ? 'No open incidents: nobody is being paged.' : 'No incidents yet. Page the chain with `switchboard incidents open --customer "Acme Corp"`.',
        );
      });
    });

  incidents
    .command('show <id>')
    .description('one incident with every page and its delivery status')
    .addHelpText('after', '\nExamples:\n  switchboard incidents show INC-7K2M9Q\n  switchboard incidents show K7QP    # by its ACK code')
    .action(async (id: string, _options: unknown, command: Command) => {
      await withTarget(command, io, async (target, output) => {
        const store = storeOf(target);
        const incident = await store.find(id);
        if (incident === undefined) throw new CliError(`no incident ${id}; \`switchboard incidents list\` shows their ids and ACK codes`);
        const pages = await store.pages(incident.id);
        output.record({ ...incident, chain: incident.chain.map((m) => m.name), pages }, () => [
          `${incident.id} (ACK code ${incident.code}): ${incident.status}${incident.acknowledgedBy === undefined ? '' : ` by ${incident.acknowledgedBy} at ${output.time(incident.acknowledgedAt)}`}`,
          `  ${incident.severity} for ${incident.customer}, opened ${output.time(incident.openedAt)} by ${incident.requestedBy}`,
          `  "${incident.excerpt}"`,
          '  pages',
          ...pages.map((p) => `    ${String(p.step + 1).padStart(2)}. ${output.time(p.sentAt)}  ${p.to}  ${p.deliveryStatus ?? 'sent'}`),
        ]);
      });
    });

  incidents
    .command('open')
    .description('page the on-call chain now, as the after-hours P0/P1 buttons do')
    .requiredOption('--customer <name>', 'who is affected')
    .option('--severity <P0|P1>', 'P0 (production down) or P1 (highly degraded)', oneOf(['P0', 'P1'], 'a severity'), 'P0')
    .option('--excerpt <text>', 'what is wrong, in a few words', 'Opened from the command line')
    .option('--by <name>', 'who opens it', io.env['USER'] ?? 'switchboard CLI')
    .addHelpText('after', '\nExamples:\n  switchboard incidents open --customer "Acme Corp"\n  switchboard incidents open --customer "Acme Corp" --severity P1 --excerpt "checkout is slow"')
    .action(async (options: { customer: string; severity: 'P0' | 'P1'; excerpt: string; by: string }, command: Command) => {
      const severity = options.severity;
      await withTarget(command, io, async (target, output) => {
        const event = createEvent('incident.open.requested', {
          eventId: `cli:${randomUUID()}`,
          receivedAt: target.clock.now().toISOString(),
          provider: 'switchboard',
          severity,
          customer: options.customer,
          excerpt: options.excerpt.slice(0, 200),
          requestedBy: options.by,
        });
        await target.bus.publish([event]);
        const id = incidentIdFor(event.detail.eventId);
        const incident = await waitFor(() => storeOf(target).get(id));
        output.record({ id, incident: incident ?? null }, () =>
          incident === undefined
            ? [`Requested ${id}; ${target.description} has not opened it yet (is it running?). See \`switchboard incidents list\`.`]
            : [`Opened ${incident.id}: paging ${incident.chain[0]?.name ?? 'nobody'} for ${incident.severity} ${incident.customer}. ACK code ${incident.code}.`],
        );
      }, { write: true });
    });

  incidents
    .command('ack <incident>')
    .description('acknowledge an incident by its id or ACK code: escalation stops and Slack is told')
    .option('--by <name>', 'who is on it', io.env['USER'] ?? 'switchboard CLI')
    .addHelpText('after', '\nExamples:\n  switchboard incidents ack K7QP --by "Dana"\n  switchboard incidents ack INC-7K2M9Q')
    .action(async (incident: string, options: { by: string }, command: Command) => {
      await withTarget(command, io, async (target, output) => {
        const store = storeOf(target);
        const found = await store.find(incident);
        if (found === undefined) throw new CliError(`no incident ${incident}; \`switchboard incidents list\` shows their ids and ACK codes`);
        if (found.status === 'acknowledged') throw new CliError(`${found.id} was already acknowledged by ${found.acknowledgedBy ?? 'someone'}`);
        await target.bus.publish([
          createEvent('incident.ack.requested', {
            eventId: `cli:${randomUUID()}`,
            receivedAt: target.clock.now().toISOString(),
            provider: 'switchboard',
            incident: found.id,
            by: options.by,
          }),
        ]);
        const acknowledged = await waitFor(async () => {
          const current = await store.get(found.id);
          return current?.status === 'acknowledged' ? current : undefined;
        });
        output.record({ id: found.id, acknowledged: acknowledged !== undefined }, () => [
          acknowledged === undefined
            ? `Requested the acknowledgement of ${found.id}; ${target.description} has not processed it yet.`
            : `${found.id} acknowledged by ${acknowledged.acknowledgedBy}; escalation stopped.`,
        ]);
      }, { write: true });
    });
}

function storeOf(target: Target): IncidentStore {
  return new IncidentStore(target.table, target.clock);
}
