import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { CONFIG_PARTITION } from '../../shared/config/config-item-key';
import { TABLE_KEYS } from '../../shared/store/table-definition';

/**
 * The key prefix of ingest's delivery ledger (functions/ingest/delivery-ledger.ts) and of the contact form's
 * re-post window (functions/ingest/contact-form/form-submissions.ts): the only items ingest writes.
 */
const DELIVERY_KEY_PREFIX = 'delivery#';

/**
 * The single table (SPEC §1): built from the same key names as the embedded table, kept on stack deletion
 * and recoverable to any second of the last 35 days, because it holds the run history and the incidents.
 * Access is granted here, per kind of caller, so that the table decides what each one may touch.
 */
export class StateTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const k = TABLE_KEYS;
    this.table = new Table(this, 'Table', {
      partitionKey: { name: k.partitionKey, type: AttributeType.STRING },
      sortKey: { name: k.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.AWS_MANAGED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: k.ttlAttribute,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: k.timeIndex,
      partitionKey: { name: k.timeIndexPartitionKey, type: AttributeType.STRING },
      sortKey: { name: k.timeIndexSortKey, type: AttributeType.STRING },
      projectionType: ProjectionType.ALL,
    });
  }

  /** Ingest reads and writes its delivery ledger, and nothing else: no query, no scan, no delete. */
  grantDeliveryLedger(grantee: IGrantable): Grant {
    return Grant.addToPrincipal({
      grantee,
      actions: ['dynamodb:GetItem', 'dynamodb:PutItem'],
      resourceArns: [this.table.tableArn],
      conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${DELIVERY_KEY_PREFIX}*`] } },
    });
  }

  /**
   * Ingest reads the configuration's partition, and only reads it: the contact form's rules (banned e-mail
   * domains, the re-post window) are applied before a post is acked (shared/config/config-item-key.ts).
   */
  grantConfigurationRead(grantee: IGrantable): Grant {
    return Grant.addToPrincipal({
      grantee,
      actions: ['dynamodb:GetItem'],
      resourceArns: [this.table.tableArn],
      conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [CONFIG_PARTITION] } },
    });
  }

  /**
   * Automations use single-item reads and conditional writes, and list by time on the one index
   * (shared/store/table.ts). Named actions and the index by name: no batch, scan or stream access, no wildcard.
   */
  grantItemReadWrite(grantee: IGrantable): Grant {
    return Grant.addToPrincipal({
      grantee,
      actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:Query'],
      resourceArns: [this.table.tableArn, `${this.table.tableArn}/index/${TABLE_KEYS.timeIndex}`],
    });
  }
}
