import { SecretValue, Validations } from 'aws-cdk-lib';
import { Secret, type CfnSecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

export interface JsonSecretProps {
  /** What it holds, for the console: "the provider credentials: …". */
  description: string;
}

/**
 * A Secrets Manager secret holding names of SPEC §2 (shared/settings/secrets.ts) as one JSON object. The
 * stack creates it empty; admins fill it with `aws secretsmanager put-secret-value`, so no credential ever
 * appears in a template. The stack has two: the provider credentials, which the automations read, and
 * the webhook signing secrets, the only one ingest may read.
 */
export class JsonSecret extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string, props: JsonSecretProps) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      description: props.description,
      // An empty JSON object, not a credential. It must stay constant: CloudFormation rewrites the value
      // only when the template's value changes, so a later deploy never wipes what admins have put.
      secretStringValue: SecretValue.unsafePlainText('{}'),
    });
    Validations.of(this.secret.node.defaultChild as CfnSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The secret holds third-party webhook signing secrets or API tokens (Slack, GitHub, Twilio, Salesforce, Unthread, Google) that only their providers can reissue; a rotation Lambda cannot change them, so admins rotate them by hand.',
    });
  }
}
