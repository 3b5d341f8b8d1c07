import type { IngestResponse } from './http';

/** TwiML that tells Twilio to do nothing more: replies, when there are any, are sent through the API. */
export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

/** 200 with an empty TwiML `<Response/>`, the ack Twilio's messaging webhooks expect. */
export function emptyTwimlResponse(): IngestResponse {
  return { status: 200, headers: { 'content-type': 'text/xml; charset=utf-8' }, body: EMPTY_TWIML };
}
