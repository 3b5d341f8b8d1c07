import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One entry of a PutEvents request, as the client sent it. */
export interface PutEventsEntry {
  EventBusName?: string;
  Source?: string;
  DetailType?: string;
  /** The detail, as the JSON text it travels as. */
  Detail?: string;
  Resources?: string[];
  /** Epoch seconds, as the JSON protocol sends a timestamp. */
  Time?: number;
}

/** An event EventBridge took: the entry as sent, and the id the fake gave it. */
export interface PutEvent extends PutEventsEntry {
  EventId: string;
}

/** At most this many entries per PutEvents (EventBridge quotas). */
const MAX_ENTRIES = 10;

/**
 * Amazon EventBridge's PutEvents on 127.0.0.1, in the JSON protocol its client speaks (`POST /`,
 * `X-Amz-Target: AWSEvents.PutEvents`, `application/x-amz-json-1.1`). Each entry is judged on its own, in
 * order, as EventBridge does: one without Source, DetailType or Detail fails with `InvalidArgument`
 * ("Parameter Detail is not valid. Reason: Detail is a required argument."), one whose Detail is not a JSON
 * object with `MalformedDetail`; the others are taken and get an EventId. The answer has one result per
 * entry and `FailedEntryCount`. More than 10 entries is a 400 `ValidationException` for the whole request.
 * Like EventBridge, it takes events for any bus name (a bus that does not exist is not an error). It routes
 * nothing to rules: tests assert on `events`, the events it took. `hold()` parks requests until `release()`
 * (a PutEvents slow to answer), so that a test can order what happens meanwhile.
 */
export class FakeEventBridgeApi {
  readonly events: PutEvent[] = [];
  private holding = false;
  /** Requests parked by `hold()`, each answered by calling it. */
  private readonly parked: (() => void)[] = [];
  private readonly heldWaiters: { count: number; resolve: () => void }[] = [];

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeEventBridgeApi> {
    let api: FakeEventBridgeApi | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      const respond = () => {
        const self = api as FakeEventBridgeApi;
        const headers = { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID() };
        const target = String(req.headers['x-amz-target'] ?? '');
        if (target !== 'AWSEvents.PutEvents') {
          res.writeHead(400, { ...headers, 'x-amzn-errortype': 'UnknownOperationException' });
          res.end(JSON.stringify({ __type: 'UnknownOperationException', message: `The fake answers PutEvents only, not ${target}` }));
          return;
        }
        const { Entries: entries = [] } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { Entries?: PutEventsEntry[] };
        if (entries.length === 0 || entries.length > MAX_ENTRIES) {
          res.writeHead(400, { ...headers, 'x-amzn-errortype': 'ValidationException' });
          res.end(
            JSON.stringify({
              __type: 'ValidationException',
              message: `1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length ${entries.length === 0 ? 'greater than or equal to 1' : `less than or equal to ${MAX_ENTRIES}`}`,
            }),
          );
          return;
        }
        const results = entries.map((entry) => self.take(entry));
        res.writeHead(200, headers);
        res.end(JSON.stringify({ FailedEntryCount: results.filter((result) => 'ErrorCode' in result).length, Entries: results }));
      };
      req.on('end', () => {
        const self = api as FakeEventBridgeApi;
        if (self.holding) self.park(respond);
        else respond();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api = new FakeEventBridgeApi(server);
    return api;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** From now on, park every request unanswered (and its events untaken) until `release()`. */
  hold(): void {
    this.holding = true;
  }

  /** Takes and answers every parked request, in the order they came, and answers at once from now on. */
  release(): void {
    this.holding = false;
    for (const respond of this.parked.splice(0)) respond();
  }

  /** Resolves once `count` requests are parked. */
  async held(count: number): Promise<void> {
    if (this.parked.length >= count) return;
    await new Promise<void>((resolve) => this.heldWaiters.push({ count, resolve }));
  }

  /** The events taken of one detail type, e.g. `incident.ack.requested`. */
  eventsOf(detailType: string): PutEvent[] {
    return this.events.filter((event) => event.DetailType === detailType);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private park(respond: () => void): void {
    this.parked.push(respond);
    for (const waiter of [...this.heldWaiters]) {
      if (this.parked.length < waiter.count) continue;
      this.heldWaiters.splice(this.heldWaiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  }

  private take(entry: PutEventsEntry): { EventId: string } | { ErrorCode: string; ErrorMessage: string } {
    for (const field of ['Source', 'DetailType', 'Detail'] as const) {
      if (!entry[field]) return { ErrorCode: 'InvalidArgument', ErrorMessage: `Parameter ${field} is not valid. Reason: ${field} is a required argument.` };
    }
    if (!isJsonObject(entry.Detail as string)) return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
    const eventId = randomUUID();
    this.events.push({ ...entry, EventId: eventId });
    return { EventId: eventId };
  }
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
