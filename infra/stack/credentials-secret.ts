import { SecretValue, Validations } from 'aws-cdk-lib';
import { Secret, type CfnSecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

/**
 * The one Secrets Manager secret holding the providers' credentials as JSON (the names of SPEC §2,
 * shared/settings/secrets.ts). The stack creates it empty; admins fill it with
 * `aws secretsmanager put-secret-value`, so no credential ever appears in a template.
 */
export class CredentialsSecret extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      description: 'Switchboard provider credentials: one JSON object keyed by the names in shared/settings/secrets.ts',
      // An empty JSON object, not a credential. It must stay constant: CloudFormation rewrites the value
      // only when the template's value changes, so a later deploy never wipes what admins have put.
      secretStringValue: SecretValue.unsafePlainText('{}'),
    });
    Validations.of(this.secret.node.defaultChild as CfnSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The secret holds third-party webhook signing secrets and API tokens (Slack, GitHub, Twilio, Salesforce, Unthread) that only their providers can reissue; a rotation Lambda cannot change them, so admins rotate them by hand.',
    });
  }
}
