import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { EVENT_SOURCE, type DomainEvent } from '../events/catalogue';
import { validateEvent } from '../events/validate-event';
import { PublishError, type EventBus } from './event-bus';

const BATCH = 10; // PutEvents accepts at most 10 entries per call.

/**
 * Publishes onto the EventBridge bus. Each detail is validated against the catalogue first; a partial
 * failure (FailedEntryCount > 0) is an error, so the caller never acks an event the bus did not take.
 */
export class EventBridgeBus implements EventBus {
  constructor(
    private readonly busName: string,
    private readonly client: EventBridgeClient = new EventBridgeClient({}),
  ) {}

  async publish(events: readonly DomainEvent[]): Promise<void> {
    for (let start = 0; start < events.length; start += BATCH) {
      const entries: PutEventsRequestEntry[] = events.slice(start, start + BATCH).map((event) => {
        validateEvent(event.detailType, event.detail);
        return {
          EventBusName: this.busName,
          Source: EVENT_SOURCE,
          DetailType: event.detailType,
          Detail: JSON.stringify(event.detail),
        };
      });
      const result = await this.client.send(new PutEventsCommand({ Entries: entries }));
      if ((result.FailedEntryCount ?? 0) > 0) {
        const codes = (result.Entries ?? []).flatMap((entry) => (entry.ErrorCode === undefined ? [] : [entry.ErrorCode]));
        throw new PublishError(`EventBridge refused ${result.FailedEntryCount} of ${entries.length} events (${[...new Set(codes)].join(', ')})`);
      }
    }
  }
}
