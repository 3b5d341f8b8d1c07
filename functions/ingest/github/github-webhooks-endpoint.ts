import type { DomainEvent } from '../../../shared/events/catalogue';
import type { Endpoint } from '../endpoint';
import { badRequest } from '../http-error';
import { jsonResponse, mediaType, type IngestRequest } from '../http';
import { normaliseOr400, parseFormBody, parseJsonBody, parsePayload } from '../parse-body';
import { acceptDelivery } from '../accept-delivery';
import { authenticateGitHub } from './authenticate-github';
import {
  actionSchema,
  issueCommentPayloadSchema,
  issueLabelPayloadSchema,
  issueStatePayloadSchema,
  labelPayloadSchema,
} from './github-payloads';
import { normaliseIssueComment, normaliseIssueLabel, normaliseIssueState, normaliseLabel } from './normalise-github-event';

/** GitHub's delivery ids are GUIDs; anything else in the header is not GitHub's. */
const DELIVERY_ID = /^[\w-]{1,128}$/;
const EVENT_NAME = /^[a-z_]{1,64}$/;

/** The log line counted for every delivery acked without publishing (a metric filter counts it on AWS). */
export const IGNORED_GITHUB_EVENT = 'GitHub event ignored';

type Normalise = (deliveryId: string, payload: unknown, receivedAt: Date) => DomainEvent;

const comment: Normalise = (id, payload, at) => normaliseIssueComment(id, parsePayload(issueCommentPayloadSchema, payload, 'GitHub issue_comment payload'), at);
const issueLabel: Normalise = (id, payload, at) => normaliseIssueLabel(id, parsePayload(issueLabelPayloadSchema, payload, 'GitHub issues payload'), at);
const issueState: Normalise = (id, payload, at) => normaliseIssueState(id, parsePayload(issueStatePayloadSchema, payload, 'GitHub issues payload'), at);
const label: Normalise = (id, payload, at) => normaliseLabel(id, parsePayload(labelPayloadSchema, payload, 'GitHub label payload'), at);

/** `{event}.{action}` → its event; every other delivery is acked and counted. */
const PUBLISHED: ReadonlyMap<string, Normalise> = new Map([
  ['issue_comment.created', comment],
  ['issues.labeled', issueLabel],
  ['issues.unlabeled', issueLabel],
  ['issues.closed', issueState],
  ['issues.reopened', issueState],
  ['label.created', label],
  ['label.edited', label],
  ['label.deleted', label],
]);

/**
 * POST /webhooks/github — GitHub's webhooks (JSON, or the form-encoded `payload` field). The signature is
 * checked on the raw body first; `ping` is answered 200; `issue_comment` created, `issues`
 * labeled/unlabeled/closed/reopened and `label` created/edited/deleted are published (deduplicated by
 * `X-GitHub-Delivery`: a redelivery carries the same id) and answered 202; any other event is answered
 * 202 without publishing, and counted by a log line.
 */
export const githubWebhooksEndpoint: Endpoint = {
  method: 'POST',
  contentTypes: ['application/json', 'application/x-www-form-urlencoded'],
  async handle(request, context) {
    await authenticateGitHub(request, context);
    const event = request.headers['x-github-event'];
    const deliveryId = request.headers['x-github-delivery'];
    if (event === undefined || !EVENT_NAME.test(event)) throw badRequest('header x-github-event is missing or not an event name');
    if (deliveryId === undefined || !DELIVERY_ID.test(deliveryId)) throw badRequest('header x-github-delivery is missing or not a delivery id');
    const payload = payloadOf(request);
    if (event === 'ping') return jsonResponse(200, { ok: true });

    const { action } = parsePayload(actionSchema, payload, 'GitHub payload');
    const normalise = PUBLISHED.get(`${event}.${action ?? ''}`);
    if (normalise === undefined) {
      context.log.info(IGNORED_GITHUB_EVENT, { githubEvent: event, action: action?.slice(0, 64), deliveryId });
      return jsonResponse(202, { ok: true, published: 0 });
    }
    const normalised = normaliseOr400(`invalid GitHub ${event} payload`, () => normalise(deliveryId, payload, context.clock.now()));
    const outcome = await acceptDelivery(context, { provider: 'github', id: deliveryId }, [normalised]);
    return jsonResponse(202, { ok: true, published: outcome === 'accepted' ? 1 : 0 });
  },
};

/** The delivery's JSON: the body, or its `payload` form field when the webhook's content type is form-encoded. */
function payloadOf(request: IngestRequest): unknown {
  if (mediaType(request) === 'application/json') return parseJsonBody(request);
  const field = parseFormBody(request).get('payload');
  if (field === null) throw badRequest('form field "payload" is missing');
  try {
    return JSON.parse(field);
  } catch {
    throw badRequest('form field "payload" is not valid JSON');
  }
}
