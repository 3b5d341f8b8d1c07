import { Logger as Powertools } from '@aws-lambda-powertools/logger';
import { redactSensitive } from './redact';
import type { LogFields, Logger, LogLevel } from './logger';

/**
 * The logger on Lambda: Powertools Logger (structured JSON CloudWatch understands, the invocation's request
 * id), with every line redacted.
 */
export class PowertoolsLogger implements Logger {
  /**
   * The logger of a Lambda function. Its entries call this rather than `createLogger`, so that their
   * bundles leave the local line writer out.
   */
  static forLambda(level: LogLevel): PowertoolsLogger {
    return PowertoolsLogger.create({ level, fields: { service: 'switchboard', runtime: 'aws' } });
  }

  constructor(private readonly powertools: Powertools) {}

  static create(options: { level: LogLevel; fields: LogFields }): PowertoolsLogger {
    // Powertools writes `service` itself (its serviceName), and refuses it as a persistent key.
    const { service, ...fields } = options.fields;
    return new PowertoolsLogger(new Powertools({ serviceName: String(service ?? 'switchboard'), logLevel: options.level, persistentKeys: fields, jsonReplacerFn: redactSensitive }));
  }

  debug(message: string, fields?: LogFields): void {
    this.powertools.debug(message, fields ?? {});
  }

  info(message: string, fields?: LogFields): void {
    this.powertools.info(message, fields ?? {});
  }

  warn(message: string, fields?: LogFields): void {
    this.powertools.warn(message, fields ?? {});
  }

  error(message: string, fields?: LogFields): void {
    this.powertools.error(message, fields ?? {});
  }

  child(fields: LogFields): Logger {
    return new PowertoolsLogger(this.powertools.createChild({ persistentKeys: fields }));
  }
}
