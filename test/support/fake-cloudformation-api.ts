import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { XMLBuilder } from 'fast-xml-parser';

/** One request the fake received: its form fields, as sent (`Action`, `Version`, `StackName`…). */
export interface CloudFormationCall {
  params: Record<string, string>;
}

/** A deployed stack as DescribeStacks shows it. */
export interface DeployedStack {
  /** Each output's value, by OutputKey. */
  outputs: Record<string, string>;
  /** Output descriptions, by OutputKey (as the template declares them). */
  descriptions?: Record<string, string>;
}

const NAMESPACE = 'http://cloudformation.amazonaws.com/doc/2010-05-15/';
const xml = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true });

/**
 * AWS CloudFormation's query API on 127.0.0.1, enough for `switchboard --stack NAME`: `DescribeStacks`
 * (form-encoded `Action=DescribeStacks&StackName=…`) answers the stacks it is given in CloudFormation's XML
 * (`DescribeStacksResponse` / `DescribeStacksResult` / `Stacks` / `member` … `Outputs` / `member` /
 * `OutputKey`, `OutputValue`), by name or stack id, CREATE_COMPLETE; an unknown stack is CloudFormation's
 * 400 `ValidationError` "Stack with id NAME does not exist". Tests assert on `calls`.
 */
export class FakeCloudFormationApi {
  readonly calls: CloudFormationCall[] = [];
  private readonly stacks = new Map<string, DeployedStack>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeCloudFormationApi> {
    let api: FakeCloudFormationApi | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const self = api as FakeCloudFormationApi;
        const params = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
        self.calls.push({ params });
        const { status, body } = self.answer(params);
        res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': randomUUID() });
        res.end(body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api = new FakeCloudFormationApi(server);
    return api;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Makes `name` a deployed stack with these outputs. */
  deploy(name: string, stack: DeployedStack): void {
    this.stacks.set(name, stack);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(params: Record<string, string>): { status: number; body: string } {
    if (params['Action'] !== 'DescribeStacks') return errorAnswer(400, 'InvalidAction', `The fake does not answer ${params['Action']}.`);
    const wanted = params['StackName'];
    const named = [...this.stacks.entries()].filter(([name]) => wanted === undefined || wanted === name || wanted === stackIdOf(name));
    if (named.length === 0) return errorAnswer(400, 'ValidationError', `Stack with id ${wanted} does not exist`);
    const members = named.map(([name, stack]) => ({
      StackId: stackIdOf(name),
      StackName: name,
      CreationTime: '2026-11-01T17:00:00.000Z',
      LastUpdatedTime: '2026-11-20T17:00:00.000Z',
      StackStatus: 'CREATE_COMPLETE',
      DisableRollback: 'false',
      Outputs: { member: Object.entries(stack.outputs).map(([key, value]) => ({ OutputKey: key, OutputValue: value, Description: stack.descriptions?.[key] })) },
    }));
    return {
      status: 200,
      body: xml.build({
        DescribeStacksResponse: {
          '@_xmlns': NAMESPACE,
          DescribeStacksResult: { Stacks: { member: members } },
          ResponseMetadata: { RequestId: randomUUID() },
        },
      }) as string,
    };
  }
}

const stackIdOf = (name: string) => `arn:aws:cloudformation:us-east-1:123456789012:stack/${name}/5b6e1c40-a3f1-11ef-9b2c-0e1b2c3d4e5f`;

function errorAnswer(status: number, code: string, message: string): { status: number; body: string } {
  return {
    status,
    body: xml.build({ ErrorResponse: { '@_xmlns': NAMESPACE, Error: { Type: 'Sender', Code: code, Message: message }, RequestId: randomUUID() } }) as string,
  };
}
