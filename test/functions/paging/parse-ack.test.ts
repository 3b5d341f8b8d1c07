import { describe, expect, it } from 'vitest';
import { parseAck } from '../../../functions/paging/parse-ack';

describe('reading an ACK', () => {
  it.each([
    ['ACK', undefined],
    ['ack', undefined],
    ['  Ack  ', undefined],
    ['Ack!', undefined],
    ['acknowledged', undefined],
    ['ACK K7QP', 'K7QP'],
    ['ack k7qp', 'K7QP'],
    ['ACKK7QP', 'K7QP'],
    ['a c k   k 7 q p', 'K7QP'],
    ['Acknowledge K7QP.', 'K7QP'],
  ])('%j is an ACK with code %s', (body, code) => {
    expect(parseAck(body)).toEqual(code === undefined ? { kind: 'ack' } : { kind: 'ack', code });
  });

  it.each(['OK', 'on it', 'who is this?', '', 'back in 5'])('%j is not an ACK', (body) => {
    expect(parseAck(body)).toEqual({ kind: 'other' });
  });
});
