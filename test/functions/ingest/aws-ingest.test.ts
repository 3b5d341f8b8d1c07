import { describe, expect, it } from 'vitest';
import { createAwsIngest } from '../../../functions/ingest/aws-ingest';

const ENVIRONMENT = { TABLE_NAME: 'switchboard', EVENT_BUS_NAME: 'switchboard', AWS_REGION: 'us-east-1' };

describe('ingest on AWS', () => {
  it('starts with the webhook secret alone (no credentials secret)', () => {
    expect(() => createAwsIngest({ ...ENVIRONMENT, WEBHOOK_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:webhooks' })).not.toThrow();
  });

  it('refuses to start without the webhook secret, naming the variable', () => {
    expect(() => createAwsIngest({ ...ENVIRONMENT, SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:credentials' })).toThrow(/WEBHOOK_SECRET_ARN/);
  });
});
