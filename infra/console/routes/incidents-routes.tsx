import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { parseEscalationSubject } from '../../../functions/paging/escalation-timer';
import { IncidentStore } from '../../../functions/paging/incident-store';
import { createEvent } from '../../../shared/events/validate-event';
import { renderPage, type ConsoleContext } from '../console-context';
import { pollStream } from '../poll-stream';
import { IncidentsPage, type IncidentView } from '../pages/incidents-page';
import { MessagePage } from '../pages/message-page';

/** How many acknowledged incidents are shown under the open ones. */
const ACKNOWLEDGED_SHOWN = 20;
/** Open incidents are all shown (the overview links to each); more than this many at once is no longer a list anyone reads. */
const OPEN_AT_MOST = 500;

/** The incidents page, its Acknowledge action, and the watch of a requested acknowledgement. */
export function registerIncidentsRoutes(app: Hono, context: ConsoleContext): void {
  const { target } = context;
  const store = () => new IncidentStore(target.table, target.clock);

  app.get('/incidents', async (c) => {
    const view = await context.view('/incidents');
    const requested = c.req.query('requested');
    // Open ones are read by themselves: among the most recent incidents an older open one could be missing.
    const [open, acknowledged] = await Promise.all([store().list({ openOnly: true, limit: OPEN_AT_MOST }), store().list({ acknowledgedOnly: true, limit: ACKNOWLEDGED_SHOWN })]);
    const incidents = [...open, ...acknowledged];
    const timers = await target.timers.list(500);
    const entries: IncidentView[] = await Promise.all(
      incidents.map(async (incident) => {
        const next = timers.find((timer) => timer.automation === 'paging' && parseEscalationSubject(timer.subject)?.incidentId === incident.id);
        return {
          incident,
          pages: await store().pages(incident.id),
          nextPageAt: next?.dueAt,
          watchUrl: incident.id === requested && incident.status !== 'acknowledged' ? `/incidents/watch?id=${encodeURIComponent(incident.id)}&seen=${incident.status}` : undefined,
        };
      }),
    );
    const asked = entries.find((entry) => entry.incident.id === requested)?.incident;
    const notice =
      asked === undefined
        ? undefined
        : asked.status === 'acknowledged'
          ? `${asked.id} is acknowledged by ${asked.acknowledgedBy ?? 'someone'}: escalation stopped.`
          : `The acknowledgement of ${asked.id} is requested: ${target.description} processes it next.`;
    return renderPage(c, <IncidentsPage view={view} incidents={entries} notice={notice} />);
  });

  // As `switchboard incidents ack` does: the paging automation acknowledges, stops escalating, tells Slack.
  app.post('/incidents/ack', async (c) => {
    const form = await c.req.parseBody();
    const reference = typeof form['incident'] === 'string' ? form['incident'] : '';
    const by = typeof form['by'] === 'string' ? form['by'].trim().slice(0, 100) : '';
    const incident = await store().find(reference);
    if (incident === undefined || by === '') {
      const view = await context.view('/incidents');
      return renderPage(
        c,
        <MessagePage view={view} title={incident === undefined ? 'Not found' : 'Not acknowledged'} what={incident === undefined ? `There is no incident ${reference}.` : 'Say who is on it: the acknowledgement names them.'} hint="Go back to the incidents page and try again." />,
        incident === undefined ? 404 : 409,
      );
    }
    if (incident.status !== 'acknowledged') {
      await target.bus.publish([
        createEvent('incident.ack.requested', {
          eventId: `console:${randomUUID()}`,
          receivedAt: target.clock.now().toISOString(),
          provider: 'switchboard',
          incident: incident.id,
          by,
        }),
      ]);
    }
    return c.redirect(`/incidents?requested=${encodeURIComponent(incident.id)}#${encodeURIComponent(incident.id)}`, 303);
  });

  app.get('/incidents/watch', (c) => {
    const id = c.req.query('id') ?? '';
    const seen = c.req.query('seen') ?? '';
    return pollStream(c, context.livePollMs, async (stream) => {
      const status = (await store().get(id))?.status ?? 'absent';
      if (status === seen) return 'again';
      await stream.writeSSE({ event: 'changed', data: status });
      return 'done';
    });
  });
}
