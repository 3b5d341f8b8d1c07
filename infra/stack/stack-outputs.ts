/** The stack's CloudFormation outputs, which the CLI reads with `--stack NAME`. */
export const STACK_OUTPUTS = {
  apiUrl: 'WebhookBaseUrl',
  tableName: 'TableName',
  busName: 'EventBusName',
  secretArn: 'SecretArn',
  webhookSecretArn: 'WebhookSecretArn',
  busArn: 'EventBusArn',
  scheduleGroup: 'ScheduleGroupName',
  schedulerRoleArn: 'SchedulerRoleArn',
  /** JSON: each automation's function name, for replays and redrives. */
  automationFunctions: 'AutomationFunctions',
  /** JSON: each automation's dead-letter queue URL, for `deliveries list|redrive`. */
  deadLetterQueues: 'DeadLetterQueues',
  /** The dead-letter queue of the timers EventBridge Scheduler could not deliver, for `deliveries list|redrive`. */
  timersDeadLetterQueue: 'TimersDeadLetterQueue',
  /** JSON: the providers the stack keeps in dry-run (its dryRunProviders), for the console's overview. */
  dryRunProviders: 'DryRunProviders',
} as const;
