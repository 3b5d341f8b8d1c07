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
} as const;
