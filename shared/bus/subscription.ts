import { EVENT_SOURCE, type DetailType, type DomainEvent } from '../events/catalogue';

/**
 * What an automation listens to: a detail-type, optionally narrowed by exact values of top-level detail
 * fields (`{ automation: ['paging'] }` for timers and button clicks). The CDK stack turns each into an
 * EventBridge rule; the local dispatcher matches with the same semantics. One declaration, two runtimes.
 */
export interface Subscription {
  detailType: DetailType;
  detail?: Readonly<Record<string, readonly string[]>>;
}

/** Does this event reach a subscriber? (The local runtime's equivalent of an EventBridge rule.) */
export function matchesSubscription(subscription: Subscription, event: DomainEvent): boolean {
  if (subscription.detailType !== event.detailType) return false;
  const detail = event.detail as Record<string, unknown>;
  return Object.entries(subscription.detail ?? {}).every(([field, values]) => {
    const value = detail[field];
    return typeof value === 'string' && values.includes(value);
  });
}

/** The EventBridge event pattern of a subscription. */
export function toEventPattern(subscription: Subscription): {
  source: string[];
  detailType: string[];
  detail?: Record<string, string[]>;
} {
  return {
    source: [EVENT_SOURCE],
    detailType: [subscription.detailType],
    ...(subscription.detail === undefined
      ? {}
      : { detail: Object.fromEntries(Object.entries(subscription.detail).map(([field, values]) => [field, [...values]])) }),
  };
}
