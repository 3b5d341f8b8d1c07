import { Duration } from 'aws-cdk-lib';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';
import { EVENT_SOURCE } from '../../shared/events/catalogue';

/** Long enough to replay a bad week after an incident review, short enough to keep the archive cheap. */
const ARCHIVE_RETENTION = Duration.days(30);

export interface SwitchboardEventBusProps {
  /** The bus name the functions publish to (EVENT_BUS_NAME). */
  busName: string;
}

/**
 * The custom bus every domain event travels on, with an archive of all of them: a failed or mis-handled
 * event can be replayed onto the bus after a fix, which is how admins recover beyond the DLQs.
 */
export class SwitchboardEventBus extends Construct {
  readonly bus: EventBus;

  constructor(scope: Construct, id: string, props: SwitchboardEventBusProps) {
    super(scope, id);
    this.bus = new EventBus(this, 'Bus', { eventBusName: props.busName });
    this.bus.archive('Archive', {
      description: `Every ${EVENT_SOURCE} event, for replay`,
      eventPattern: { source: [EVENT_SOURCE] },
      retention: ARCHIVE_RETENTION,
    });
  }
}
