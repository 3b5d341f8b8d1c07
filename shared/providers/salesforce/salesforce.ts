/** An Account as the codename sync reads it. Its name is the customer's: never log it. */
export interface SalesforceAccount {
  id: string;
  name: string;
  /** The raw value of the label field (labels joined by the separator), null when empty. */
  labels: string | null;
  /** Salesforce's `LastModifiedDate`: an update is made only if the Account was not modified since. */
  lastModifiedAt: string;
}

/** What an update did: `changed-meanwhile` when the Account was modified since it was read (412), so nothing was written. */
export type AccountUpdate = { updated: true } | { updated: false; reason: 'changed-meanwhile' };

/**
 * The Salesforce port: what the codename sync may do in Salesforce, in the domain's words. Live through
 * jsforce (OAuth 2.0 client credentials, an explicit API version), or dry-run into the outbox. Failures are
 * `ProviderError`s (transient: 5xx, network, row locks, the API limit; permanent: the rest), whose messages
 * never carry an Account's name.
 *
 * `field` is the label field's API name (`GitHub_label__c`), from the configuration.
 */
export interface Salesforce {
  readonly mode: 'live' | 'dry-run';
  /** Accounts whose name is exactly `name` (at most 20: more is "several" anyway). */
  findAccountsByName(name: string, field: string): Promise<SalesforceAccount[]>;
  /** Accounts whose name contains `fragment` (LIKE, its wildcards escaped), at most 20: candidates for a name that matches none. */
  findAccountsNameContaining(fragment: string, field: string): Promise<SalesforceAccount[]>;
  /** Every Account whose label field is not empty (all pages). */
  listAccountsWithLabels(field: string): Promise<SalesforceAccount[]>;
  /** One Account by id, or undefined when it is gone. */
  getAccount(id: string, field: string): Promise<SalesforceAccount | undefined>;
  /** Sets the label field of `account`, unless the Account was modified since `account.lastModifiedAt`. */
  updateAccountLabels(account: SalesforceAccount, field: string, value: string | null): Promise<AccountUpdate>;
  /** The Account's page in Salesforce (Lightning), for people. */
  accountUrl(id: string): Promise<string>;
}
