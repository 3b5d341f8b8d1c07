import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { isValidSlackRequest } from '../../../functions/ingest/slack/verify-slack-request';
import { STACK_OUTPUTS } from '../../../infra/stack/stack-outputs';
import { SwitchboardStack } from '../../../infra/stack/switchboard-stack';
import { systemClock } from '../../../shared/clock/clock';
import { ConfigStore } from '../../../shared/config/config-store';
import { parseConfig } from '../../../shared/config/parse-config';
import type { RunRecord } from '../../../shared/runs/run';
import { RunStore } from '../../../shared/runs/run-store';
import { createDocumentClient } from '../../../shared/store/dynamodb-client';
import { DynamoDbTable } from '../../../shared/store/dynamodb-table';
import { ensureTable } from '../../../shared/store/ensure-table';
import { timerFiredEvent } from '../../../shared/timers/timer-fired-event';
import { eventBridgeDeadLetter, eventBridgeEnvelope, lambdaFailureRecord } from '../../support/dead-letter-messages';
import { deployedOutputs, type SynthesisedTemplate, type TemplateResource } from '../../support/deployed-outputs';
import { FakeCloudFormationApi } from '../../support/fake-cloudformation-api';
import { FakeLambdaApi } from '../../support/fake-lambda-api';
import { FakeSecretsManagerApi } from '../../support/fake-secrets-manager-api';
import { FakeSqsApi } from '../../support/fake-sqs-api';
import { sampleSlackMessageEvent } from '../../support/sample-events';
import { switchboardCli } from '../../support/switchboard-cli';

const STACK = 'Switchboard';
const REGION = 'us-east-1';
const ACCOUNT = '123456789012';
const API_ENDPOINT = 'https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com';

const customerMessage = sampleSlackMessageEvent({ eventId: 'Ev0STACKFAIL1' });
const escalation = timerFiredEvent({ id: 'paging-escalate:INC-7', automation: 'paging', kind: 'escalate', subject: 'INC-7', dueAt: new Date('2026-11-23T04:10:00Z') });

/**
 * `switchboard --stack NAME` end to end: the real stack is synthesised, its outputs are resolved as a
 * deployment would resolve them (physical ids on fakes of CloudFormation, SQS, Lambda and Secrets Manager
 * on 127.0.0.1, the table on the embedded DynamoDB), and the CLI runs in-process with an environment that
 * points the AWS SDK's clients there. Nothing reaches AWS: every other service's endpoint is a closed port.
 */
describe('switchboard --stack, through the AWS SDK clients against fakes of the deployed stack', () => {
  let template: SynthesisedTemplate;
  let cloudFormation: FakeCloudFormationApi;
  let sqs: FakeSqsApi;
  let lambda: FakeLambdaApi;
  let secretsManager: FakeSecretsManagerApi;
  let outputs: Record<string, string>;
  let functions: Record<string, string>;
  let queues: Record<string, string>;
  let runs: RunStore;
  let env: Record<string, string>;

  beforeAll(async () => {
    // The stack as `cdk synth` builds it (without bundling the functions: only the template matters here).
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    template = Template.fromStack(new SwitchboardStack(app, STACK, { alarmEmail: 'ops@example.com' })).toJSON() as SynthesisedTemplate;

    const tableName = `switchboard-stack-${randomUUID()}`;
    const documents = createDocumentClient({ endpoint: inject('dynamoEndpoint') });
    await ensureTable(documents, tableName);
    const functionNames = Object.entries(template.Resources)
      .filter(([, resource]) => resource.Type === 'AWS::Lambda::Function')
      .map(([logicalId]) => functionNameOf(logicalId));
    [cloudFormation, sqs, lambda, secretsManager] = await Promise.all([FakeCloudFormationApi.start(), FakeSqsApi.start(), FakeLambdaApi.start(functionNames), FakeSecretsManagerApi.start()]);

    outputs = deployedOutputs(
      template,
      {
        ref: (logicalId, resource) => physicalIdOf(logicalId, resource, { tableName, sqs }),
        attribute: (logicalId, resource, attribute) => attributeOf(logicalId, resource, attribute),
      },
      { region: REGION, accountId: ACCOUNT, stackName: STACK },
    );
    cloudFormation.deploy(STACK, {
      outputs,
      descriptions: Object.fromEntries(Object.entries(template.Outputs ?? {}).map(([key, output]) => [key, output.Description ?? ''])),
    });
    functions = JSON.parse(outputs[STACK_OUTPUTS.automationFunctions] as string) as Record<string, string>;
    queues = JSON.parse(outputs[STACK_OUTPUTS.deadLetterQueues] as string) as Record<string, string>;

    const table = new DynamoDbTable(documents, tableName, systemClock);
    await new ConfigStore(table, systemClock, { cacheMs: 0 }).apply(parseConfig(await readFile('switchboard.config.example.yaml', 'utf8'), 'switchboard.config.example.yaml'), { source: 'test' });
    runs = new RunStore(table, systemClock);

    env = {
      AWS_REGION: REGION,
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      // Any service without a fake of its own gets a port nobody listens on.
      AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
      AWS_ENDPOINT_URL_CLOUDFORMATION: cloudFormation.endpoint,
      AWS_ENDPOINT_URL_SQS: sqs.endpoint,
      AWS_ENDPOINT_URL_LAMBDA: lambda.endpoint,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: secretsManager.endpoint,
      AWS_ENDPOINT_URL_DYNAMODB: inject('dynamoEndpoint'),
    };
  }, 180_000);
  afterAll(async () => {
    await Promise.all([cloudFormation?.close(), sqs?.close(), lambda?.close(), secretsManager?.close()]);
  });
  beforeEach(() => {
    lambda.invocations.length = 0;
    cloudFormation.calls.length = 0;
    secretsManager.reads.length = 0;
  });
  afterEach(() => {
    // Whatever a test left in the dead-letter queues is gone before the next one.
    for (const queueUrl of Object.values(queues)) sqs.purge(queueUrl);
  });

  it('synthesises every output the CLI reads, and each automation a function and a dead-letter queue', () => {
    expect(Object.keys(template.Outputs ?? {}).sort()).toEqual(Object.values(STACK_OUTPUTS).sort());
    expect(Object.keys(functions).sort()).toEqual(Object.keys(queues).sort());
    expect(Object.keys(functions)).toContain('after-hours');
    expect(Object.keys(functions)).toContain('paging');
  });

  describe('deliveries', () => {
    it('lists the dead-letter messages of every automation, found through the stack outputs', async () => {
      const fromEventBridge = sqs.put(
        queues['after-hours'] as string,
        eventBridgeDeadLetter(customerMessage, { errorCode: 'Lambda.TooManyRequestsException', errorMessage: 'Rate Exceeded.', retryAttempts: 2, sentAt: new Date('2026-11-23T04:05:00Z') }),
      );
      const fromLambda = sqs.put(
        queues['paging'] as string,
        lambdaFailureRecord(eventBridgeEnvelope(escalation), { errorMessage: 'twilio messages.create failed: HTTP 500', approximateInvokeCount: 3, timestamp: '2026-11-23T04:03:12.345Z', automation: 'paging' }),
      );

      const listed = await switchboardCli(['--stack', STACK, 'deliveries', 'list'], env);

      expect(listed.stderr).toBe('');
      expect(listed.code).toBe(0);
      // Newest first, ids whole, times in the configuration's business time zone.
      const [header, ...rows] = listed.stdout.trimEnd().split('\n');
      expect(header).toMatch(/^ID\s+AUTOMATION\s+EVENT\s+ATTEMPTS\s+FAILED AT\s+NOW\s+ERROR$/);
      expect(rows).toHaveLength(2);
      expect(rows[0]).toMatch(new RegExp(`^after-hours/${fromEventBridge}\\s+after-hours\\s+slack\\.message\\.posted\\s+3\\s+2026-11-22 20:05:00 PT\\s+Lambda\\.TooManyRequestsException: Rate Exceeded\\.$`));
      expect(rows[1]).toMatch(new RegExp(`^paging/${fromLambda}\\s+paging\\s+timer\\.fired\\s+3\\s+2026-11-22 20:03:12 PT\\s+twilio messages\\.create failed: HTTP 500$`));
      expect(cloudFormation.calls.map((call) => call.params)).toEqual([{ Action: 'DescribeStacks', Version: '2010-05-15', StackName: STACK }]);
    });

    it('lists them as JSON with --json', async () => {
      const messageId = sqs.put(queues['after-hours'] as string, eventBridgeDeadLetter(customerMessage, { retryAttempts: 0 }));

      const listed = await switchboardCli(['--json', '--stack', STACK, 'deliveries', 'list'], env);

      expect(listed.code).toBe(0);
      expect(JSON.parse(listed.stdout)).toEqual([
        expect.objectContaining({ id: `after-hours/${messageId}`, automation: 'after-hours', event: customerMessage, attempts: 1, error: 'Lambda.TooManyRequestsException: Rate Exceeded.' }),
      ]);
    });

    it('says so when no event failed', async () => {
      const listed = await switchboardCli(['--stack', STACK, 'deliveries', 'list'], env);

      expect(listed.code).toBe(0);
      expect(listed.stdout).toBe('No failed deliveries: every event reached its automations.\n');
    });

    it("redrives one: its automation's function is invoked once with the event, and the message is deleted; a second redrive finds it gone", async () => {
      const messageId = sqs.put(queues['after-hours'] as string, lambdaFailureRecord(eventBridgeEnvelope(customerMessage)));

      const redriven = await switchboardCli(['--stack', STACK, 'deliveries', 'redrive', `after-hours/${messageId}`], env);
      const again = await switchboardCli(['--stack', STACK, 'deliveries', 'redrive', `after-hours/${messageId}`], env);

      expect(redriven.code).toBe(0);
      expect(redriven.stdout).toBe(`Redriven after-hours/${messageId}: stack ${STACK} delivers it again.\n`);
      expect(lambda.invocations).toEqual([
        { functionName: functions['after-hours'], invocationType: 'Event', status: 202, payload: { 'detail-type': 'slack.message.posted', detail: customerMessage.detail, source: 'switchboard' } },
      ]);
      expect(sqs.messageIds(queues['after-hours'] as string)).toEqual([]);
      expect(again.code).toBe(1);
      expect(again.stderr).toBe(`switchboard: no failed delivery after-hours/${messageId} (already redriven?); \`switchboard deliveries list\` shows them\n`);
    });

    it('redrives --all: each failed event once, to its own automation, and the queues are empty after', async () => {
      const first = sqs.put(queues['after-hours'] as string, eventBridgeDeadLetter(customerMessage));
      const second = sqs.put(queues['paging'] as string, lambdaFailureRecord(eventBridgeEnvelope(escalation), { automation: 'paging' }));

      const redriven = await switchboardCli(['--json', '--stack', STACK, 'deliveries', 'redrive', '--all'], env);

      expect(redriven.code).toBe(0);
      expect((JSON.parse(redriven.stdout) as { redriven: { id: string; outcome: string }[] }).redriven.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
        { id: `after-hours/${first}`, outcome: 'redriven' },
        { id: `paging/${second}`, outcome: 'redriven' },
      ]);
      expect(lambda.invocations.map((invocation) => invocation.functionName).sort()).toEqual([functions['after-hours'], functions['paging']].sort());
      expect(Object.values(queues).flatMap((queueUrl) => sqs.messageIds(queueUrl))).toEqual([]);
    });

    it('refuses an id of no automation of the stack, naming the ones it has', async () => {
      const refused = await switchboardCli(['--stack', STACK, 'deliveries', 'redrive', 'after-dark/7f0c1e52'], env);

      expect(refused.code).toBe(1);
      expect(refused.stderr).toBe(
        `switchboard: "after-dark/7f0c1e52" is not a failed delivery of this stack (ids are <automation>/<message id>, or timers/<message id> for a timer; its automations: ${Object.keys(queues).join(', ')}); \`switchboard deliveries list\` shows them\n`,
      );
      expect(lambda.invocations).toEqual([]);
    });
  });

  describe('runs replay', () => {
    it("invokes the run's automation with its stored trigger, naming the replay and the run it replays", async () => {
      const failed = await recordFailedRun(runs, `after-hours:Ev0STACKRUN${randomUUID().slice(0, 8)}`);

      const replayed = await switchboardCli(['--stack', STACK, 'runs', 'replay', failed.runId, '--no-wait'], env);

      expect(replayed.stderr).toBe('');
      expect(replayed.code).toBe(0);
      const replayId = (await runs.get(failed.runId))?.lastReplay;
      expect(replayId).toBeDefined();
      expect(replayed.stdout).toBe(`Replay of ${failed.runId} queued as ${replayId}.\n`);
      expect(lambda.invocations).toEqual([
        {
          functionName: functions['after-hours'],
          invocationType: 'Event',
          status: 202,
          payload: { 'detail-type': 'slack.message.posted', detail: failed.event.detail, source: 'switchboard', switchboard: { runId: replayId, replayOf: failed.runId } },
        },
      ]);
    });

    it('answers JSON with --json', async () => {
      const failed = await recordFailedRun(runs, `after-hours:Ev0STACKRUN${randomUUID().slice(0, 8)}`);

      const replayed = await switchboardCli(['--json', '--stack', STACK, 'runs', 'replay', failed.runId, '--no-wait'], env);

      expect(replayed.code).toBe(0);
      const replayId = (await runs.get(failed.runId))?.lastReplay;
      expect(JSON.parse(replayed.stdout)).toEqual({ replayed: [{ runId: failed.runId, replay: replayId, status: 'queued' }] });
      expect(lambda.invocations).toHaveLength(1);
    });

    it('numbers a replay of a failed replay from the original run, linked to the replay it replays', async () => {
      const failed = await recordFailedRun(runs, `after-hours:Ev0STACKRUN${randomUUID().slice(0, 8)}`);
      await switchboardCli(['--stack', STACK, 'runs', 'replay', failed.runId, '--no-wait'], env);
      // The function ran the replay, and it failed too.
      await recordFailedRun(runs, `${failed.runId}#replay-1`, { replayOf: failed.runId });
      lambda.invocations.length = 0;

      const replayed = await switchboardCli(['--stack', STACK, 'runs', 'replay', `${failed.runId}#replay-1`, '--no-wait'], env);

      expect(replayed.stderr).toBe('');
      expect(replayed.stdout).toBe(`Replay of ${failed.runId}#replay-1 queued as ${failed.runId}#replay-2.\n`);
      expect(lambda.invocations.map((invocation) => (invocation.payload as { switchboard: unknown }).switchboard)).toEqual([{ runId: `${failed.runId}#replay-2`, replayOf: `${failed.runId}#replay-1` }]);
      expect(await runs.get(failed.runId)).toMatchObject({ replays: 2, lastReplay: `${failed.runId}#replay-2` });
    });

    it('reports the replays made before Lambda refused one in bulk, and records the refused replay as failed', async () => {
      const channel = `C0BULK${randomUUID().slice(0, 8).toUpperCase()}`;
      const newer = await recordFailedRun(runs, `after-hours:Ev0STACKBULK${randomUUID().slice(0, 8)}`, { channel, startedAt: '2026-11-23T04:00:03.000Z' });
      const older = await recordFailedRun(runs, `paging:Ev0STACKBULK${randomUUID().slice(0, 8)}`, { channel, startedAt: '2026-11-23T04:00:02.000Z' });
      lambda.denied.add(functions['paging'] as string);
      try {
        const replayed = await switchboardCli(['--stack', STACK, 'runs', 'replay', '--channel', channel, '--no-wait'], env);

        expect(replayed.code).toBe(1);
        expect(replayed.stdout).toBe(`Replay of ${newer.runId} queued as ${newer.runId}#replay-1.\n`);
        expect(replayed.stderr).toMatch(new RegExp(`^switchboard: could not replay ${older.runId}: User: .* is not authorized to perform: lambda:InvokeFunction .* \\(1 replay was made before it\\)\n$`));
        expect(lambda.invocationsOf(functions['after-hours'] as string)).toHaveLength(1);
        const refused = await runs.get(`${older.runId}#replay-1`);
        expect(refused).toMatchObject({ status: 'failed', replayOf: older.runId, steps: [{ name: `hand the replay to stack ${STACK}`, outcome: 'failed' }] });

        const json = await switchboardCli(['--json', '--stack', STACK, 'runs', 'replay', '--channel', channel, '--no-wait'], env);
        expect(json.code).toBe(1);
        expect(JSON.parse(json.stdout)).toEqual({
          replayed: [],
          // The refused replay is the latest attempt at its event now, and failed: the next bulk replay tries it again.
          skipped: [
            { runId: newer.runId, reason: `its replay ${newer.runId}#replay-1 is queued and has not run yet` },
            { runId: older.runId, reason: `its latest attempt ${older.runId}#replay-1 is replayed instead` },
          ],
          more: 0,
          failed: { runId: `${older.runId}#replay-1`, error: expect.stringContaining('is not authorized to perform: lambda:InvokeFunction') as unknown },
        });
        expect(JSON.parse(json.stderr)).toMatchObject({ exitCode: 1 });
      } finally {
        lambda.denied.clear();
      }
    });

    it('says in deliveries list that the run of a failed delivery was recovered by a replay since', async () => {
      const failed = await recordFailedRun(runs, `after-hours:Ev0STACKDLQ${randomUUID().slice(0, 8)}`);
      sqs.put(queues['after-hours'] as string, lambdaFailureRecord(eventBridgeEnvelope(failed.event)));
      await runs.reserveReplay(failed.runId);
      await runs.markRecovered(`${failed.runId}#replay-1`);

      const listed = await switchboardCli(['--stack', STACK, 'deliveries', 'list'], env, { columns: 400 });
      const json = JSON.parse((await switchboardCli(['--json', '--stack', STACK, 'deliveries', 'list'], env)).stdout) as { runId: string; recoveredBy?: string }[];

      expect(listed.stdout).toContain(`recovered by ${failed.runId}#replay-1`);
      expect(json).toEqual([expect.objectContaining({ runId: failed.runId, recoveredBy: `${failed.runId}#replay-1` })]);
    });
  });

  describe('secrets', () => {
    let ingest: RecordingIngest;

    beforeAll(async () => {
      ingest = await RecordingIngest.start();
    });
    afterAll(async () => {
      await ingest?.close();
    });

    it("reads both secrets when a command signs, and signs with the webhook secret's value", async () => {
      secretsManager.put(outputs[STACK_OUTPUTS.webhookSecretArn] as string, JSON.stringify({ SLACK_SIGNING_SECRET: 'webhook-signing-secret' }));
      // A stack that predates the split may still hold the old value among the credentials: the webhook secret's wins.
      secretsManager.put(outputs[STACK_OUTPUTS.secretArn] as string, JSON.stringify({ SLACK_BOT_TOKEN: 'xoxb-1-example', SLACK_SIGNING_SECRET: 'stale-signing-secret' }));

      const sent = await switchboardCli(['--stack', STACK, 'simulate', 'slack-message', '--no-wait', '--url', ingest.url], env);

      expect(sent.stderr).toBe('');
      expect(sent.code).toBe(0);
      expect(secretsManager.reads.map((read) => read.secretId).sort()).toEqual([outputs[STACK_OUTPUTS.secretArn], outputs[STACK_OUTPUTS.webhookSecretArn]].sort());
      expect(ingest.requests).toHaveLength(1);
      const [request] = ingest.requests;
      expect(isValidSlackRequest({ signingSecret: 'webhook-signing-secret', body: request!.body, headers: slackHeaders(request!.headers) })).toBe(true);
    });

    it('reads no secret for a command that signs nothing', async () => {
      await switchboardCli(['--stack', STACK, 'deliveries', 'list'], env);

      expect(secretsManager.reads).toEqual([]);
    });
  });

  describe('a stack deployed before its functions and dead-letter queues were outputs', () => {
    beforeAll(() => {
      const { [STACK_OUTPUTS.automationFunctions]: _functions, [STACK_OUTPUTS.deadLetterQueues]: _queues, ...older } = outputs;
      cloudFormation.deploy('SwitchboardBefore', { outputs: older });
    });

    it('still answers the commands that need neither', async () => {
      const listed = await switchboardCli(['--json', '--stack', 'SwitchboardBefore', 'runs', 'list'], env);

      expect(listed.stderr).toBe('');
      expect(listed.code).toBe(0);
    });

    it('says what is missing when an operation needs them', async () => {
      const listed = await switchboardCli(['--stack', 'SwitchboardBefore', 'deliveries', 'list'], env);

      expect(listed.code).toBe(1);
      expect(listed.stderr).toBe('switchboard: stack SwitchboardBefore has no output AutomationFunctions; was it deployed with this version of Switchboard?\n');
    });
  });

  describe('when the stack or the AWS set-up is wrong', () => {
    afterEach(() => {
      vi.unstubAllEnvs();
    });

    it('says to check --stack and AWS_REGION when the stack does not exist', async () => {
      const result = await switchboardCli(['--stack', 'Switchbored', 'deliveries', 'list'], env);

      expect(result.code).toBe(1);
      expect(result.stderr).toBe("switchboard: Stack with id Switchbored does not exist: check --stack (the stack's name, e.g. Switchboard) and AWS_REGION\n");
    });

    it('says so as a JSON object on stderr with --json', async () => {
      const result = await switchboardCli(['--json', '--stack', 'Switchbored', 'runs', 'list'], env);

      expect(result.code).toBe(1);
      expect(JSON.parse(result.stderr)).toEqual({ error: "Stack with id Switchbored does not exist: check --stack (the stack's name, e.g. Switchboard) and AWS_REGION", exitCode: 1 });
    });

    // The SDK's default chain reads what the environment the CLI is given does not say from the process's own
    // environment and ~/.aws: the process is made to have none of it here, for this test only.
    it('says to set AWS_REGION when no region is set', async () => {
      const withoutRegion = withoutAwsSetup({ ...env, AWS_REGION: undefined });
      stubProcessEnvironment(withoutRegion);

      const result = await switchboardCli(['--stack', STACK, 'deliveries', 'list'], withoutRegion);

      expect(result.code).toBe(1);
      expect(result.stderr).toBe('switchboard: no AWS region: set AWS_REGION (e.g. AWS_REGION=us-east-1), or use a profile that has one (AWS_PROFILE)\n');
      expect(cloudFormation.calls).toEqual([]);
    });

    it('says to set AWS_PROFILE or access keys when there are no credentials', async () => {
      const withoutCredentials = withoutAwsSetup({ ...env, AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined });
      stubProcessEnvironment(withoutCredentials);

      const result = await switchboardCli(['--stack', STACK, 'deliveries', 'list'], withoutCredentials);

      expect(result.code).toBe(1);
      expect(result.stderr).toBe('switchboard: no AWS credentials: set AWS_PROFILE (after `aws configure` or `aws sso login`), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY\n');
      expect(cloudFormation.calls).toEqual([]);
    });
  });
});

/** An environment with no AWS set-up besides what it names: no profile, shared files that do not exist, no instance role. */
function withoutAwsSetup(env: Record<string, string | undefined>): Record<string, string | undefined> {
  const nowhere = join(tmpdir(), `no-aws-${randomUUID()}`);
  return {
    ...env,
    AWS_PROFILE: undefined,
    AWS_DEFAULT_PROFILE: undefined,
    AWS_SESSION_TOKEN: undefined,
    AWS_CONFIG_FILE: join(nowhere, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(nowhere, 'credentials'),
    AWS_WEB_IDENTITY_TOKEN_FILE: undefined,
    AWS_ROLE_ARN: undefined,
    AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: undefined,
    AWS_CONTAINER_CREDENTIALS_FULL_URI: undefined,
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

/** Makes the process's environment say the same about AWS as `env`, until `vi.unstubAllEnvs()`. */
function stubProcessEnvironment(env: Record<string, string | undefined>): void {
  const names = new Set([...Object.keys(process.env).filter((name) => name.startsWith('AWS_') && name !== 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'), ...Object.keys(env).filter((name) => name.startsWith('AWS_'))]);
  for (const name of names) vi.stubEnv(name, env[name]);
}

/** A failed run of after-hours in the stack's table, as its function would have recorded it. */
/** A run that failed for good, as the function records one; its trigger a customer message (in `channel`). */
async function recordFailedRun(runs: RunStore, runId: string, options: { channel?: string; startedAt?: string; replayOf?: string } = {}): Promise<RunRecord> {
  const [automation = 'after-hours', eventId = ''] = runId.replace(/#replay-\d+$/, '').split(/:(.*)/s);
  const event = sampleSlackMessageEvent({ eventId, ...(options.channel === undefined ? {} : { channel: options.channel }) });
  const startedAt = options.startedAt ?? '2026-11-23T04:00:01.000Z';
  return runs.save(
    {
      runId,
      automation,
      trigger: { detailType: event.detailType, eventId, receivedAt: event.detail.receivedAt },
      event,
      status: 'failed',
      steps: [{ name: 'post the notice', outcome: 'failed', detail: 'slack chat.postMessage failed: channel_not_found', startedAt, durationMs: 120 }],
      startedAt,
      finishedAt: startedAt,
      durationMs: 120,
      error: { name: 'ProviderError', message: 'slack chat.postMessage failed: channel_not_found', transient: false },
      ...(options.replayOf === undefined ? {} : { replayOf: options.replayOf }),
    },
    30,
  );
}

const functionNameOf = (logicalId: string) => `${STACK}-${logicalId}`.slice(0, 64);

/** The physical id a deployment gives a resource: what `Ref` answers for its type. */
function physicalIdOf(logicalId: string, resource: TemplateResource, deployed: { tableName: string; sqs: FakeSqsApi }): string {
  switch (resource.Type) {
    case 'AWS::DynamoDB::Table':
      return deployed.tableName;
    case 'AWS::SQS::Queue':
      return deployed.sqs.createQueue(`${STACK}-${logicalId}`, ACCOUNT);
    case 'AWS::Lambda::Function':
      return functionNameOf(logicalId);
    case 'AWS::SecretsManager::Secret':
      return `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${logicalId}-AbC123`;
    default:
      return String(resource.Properties?.['Name'] ?? `${STACK}-${logicalId}`);
  }
}

/** What `Fn::GetAtt` answers for the attributes the outputs use. */
function attributeOf(logicalId: string, resource: TemplateResource, attribute: string): string {
  if (resource.Type === 'AWS::ApiGatewayV2::Api' && attribute === 'ApiEndpoint') return API_ENDPOINT;
  if (resource.Type === 'AWS::Events::EventBus' && attribute === 'Arn') return `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/${String(resource.Properties?.['Name'])}`;
  if (resource.Type === 'AWS::IAM::Role' && attribute === 'Arn') return `arn:aws:iam::${ACCOUNT}:role/${STACK}-${logicalId}`;
  throw new Error(`the deployment stand-in has no ${attribute} of ${resource.Type} ${logicalId}`);
}

const slackHeaders = (headers: IncomingHttpHeaders) => ({
  'x-slack-signature': headers['x-slack-signature'] as string | undefined,
  'x-slack-request-timestamp': headers['x-slack-request-timestamp'] as string | undefined,
});

/** Stands for the stack's webhook API: answers `/health`, records what is posted to it, and accepts it. */
class RecordingIngest {
  readonly requests: { path: string; headers: IncomingHttpHeaders; body: string }[] = [];

  private constructor(private readonly server: Server) {}

  static async start(): Promise<RecordingIngest> {
    let ingest: RecordingIngest | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const path = new URL(req.url ?? '/', 'http://localhost').pathname;
        res.writeHead(200, { 'content-type': 'application/json' });
        if (path === '/health') return res.end(JSON.stringify({ ok: true, service: 'switchboard', runtime: 'aws', time: new Date().toISOString() }));
        (ingest as RecordingIngest).requests.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.end(JSON.stringify({ ok: true }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    ingest = new RecordingIngest(server);
    return ingest;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
