import type { TestProject } from 'vitest/node';
import { builtEntry } from '../../infra/build/local-build.mjs';
import { startEmbeddedDynamoDb, type EmbeddedDynamoDb } from './embedded-dynamodb';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

let embedded: EmbeddedDynamoDb | undefined;

/** One embedded DynamoDB (in memory, on a free port) for the whole run; each test file uses its own tables. */
export async function setup(project: TestProject): Promise<void> {
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
  embedded = await startEmbeddedDynamoDb();
  // The crash tests run the built runtime in child processes: built once here, before any of them starts.
  process.env['SWITCHBOARD_BUILD_QUIET'] = '1';
  await builtEntry('start');
  project.provide('dynamoEndpoint', embedded.endpoint);
}

export async function teardown(): Promise<void> {
  await embedded?.close();
}
