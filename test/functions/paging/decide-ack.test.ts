import { describe, expect, it } from 'vitest';
import { chainMemberOf, decideAck } from '../../../functions/paging/decide-ack';
import type { Incident } from '../../../functions/paging/incident';
import { parseAck } from '../../../functions/paging/parse-ack';

const DANA = { name: 'Dana', phone: '+15555550101' };
const SAM = { name: 'Sam', phone: '+15555550102' };
const ALEX = { name: 'Alex', phone: '+15555550103' };
const NOW = new Date('2026-11-23T04:00:00Z');

function incident(id: string, code: string, overrides: Partial<Incident> = {}): Incident {
  return {
    id,
    code,
    status: 'paging',
    severity: 'P0',
    customer: 'Acme Corp',
    excerpt: 'down',
    requestedBy: 'U0CUSTOMER1',
    chain: [DANA, SAM],
    repeats: 0,
    ackTimeoutMs: 300_000,
    internalChannel: 'C0SUPPORT01',
    fallbackChannel: 'C0SUPPORT01',
    step: 0,
    openedAt: '2026-11-23T03:50:00.000Z',
    version: 1,
    ...overrides,
  };
}

describe('what an SMS from the chain does (decideAck)', () => {
  it('acknowledges the one open incident paged to the sender on a bare ACK', () => {
    const only = incident('INC-A', 'K7QP');
    expect(decideAck(parseAck('ack'), DANA.phone, [only], NOW)).toEqual({ kind: 'acknowledge', incident: only, paged: true });
  });

  it('acknowledges none on a bare ACK with several open pages, and lists them', () => {
    const a = incident('INC-A', 'K7QP');
    const b = incident('INC-B', 'M2ZD', { severity: 'P1' });
    expect(decideAck(parseAck('ACK'), DANA.phone, [b, a], NOW)).toEqual({ kind: 'choose', open: [b, a] });
  });

  it('counts only the pages sent to the sender when there are several incidents', () => {
    const pagedToDana = incident('INC-A', 'K7QP');
    const otherChain = incident('INC-B', 'M2ZD', { chain: [ALEX, SAM] });
    expect(decideAck(parseAck('ACK'), DANA.phone, [otherChain, pagedToDana], NOW)).toEqual({ kind: 'acknowledge', incident: pagedToDana, paged: true });
  });

  it('acknowledges by code for someone on the chain who was not paged yet', () => {
    const open = incident('INC-A', 'K7QP');
    expect(decideAck(parseAck('ACK K7QP'), SAM.phone, [open], NOW)).toEqual({ kind: 'acknowledge', incident: open, paged: false });
  });

  it('acknowledges on a bare ACK from someone not paged yet when only one incident is open on their chain', () => {
    const open = incident('INC-A', 'K7QP');
    expect(decideAck(parseAck('ACK'), SAM.phone, [open], NOW)).toEqual({ kind: 'acknowledge', incident: open, paged: false });
  });

  it('answers a code no open incident of theirs has with the codes that are open', () => {
    const open = incident('INC-A', 'K7QP');
    const notTheirs = incident('INC-B', 'ZZZZ', { chain: [ALEX] });
    expect(decideAck(parseAck('ACK ZZZZ'), DANA.phone, [notTheirs, open], NOW)).toEqual({ kind: 'unknown-code', code: 'ZZZZ', open: [open] });
  });

  it('prefers the open incident when an old, acknowledged one had the same code', () => {
    const old = incident('INC-OLD', 'K7QP', { status: 'acknowledged', acknowledgedBy: 'Sam', acknowledgedAt: '2026-11-20T00:00:00.000Z' });
    const open = incident('INC-NEW', 'K7QP');
    expect(decideAck(parseAck('ack k7qp'), DANA.phone, [open, old], NOW)).toMatchObject({ kind: 'acknowledge', incident: { id: 'INC-NEW' } });
  });

  it('says who has it when the code names an incident acknowledged already', () => {
    const taken = incident('INC-A', 'K7QP', { status: 'acknowledged', acknowledgedBy: 'Sam', acknowledgedAt: '2026-11-23T03:55:00.000Z' });
    expect(decideAck(parseAck('ACK K7QP'), DANA.phone, [taken], NOW)).toEqual({ kind: 'taken', incident: taken });
  });

  it('tells a late bare ACK to a page someone took today who has it, and an ACK about nothing that nothing is open', () => {
    const takenToday = incident('INC-A', 'K7QP', { status: 'acknowledged', acknowledgedBy: 'Sam', acknowledgedAt: '2026-11-23T03:55:00.000Z' });
    const takenLastWeek = incident('INC-B', 'M2ZD', { status: 'acknowledged', acknowledgedBy: 'Sam', acknowledgedAt: '2026-11-16T03:55:00.000Z' });
    expect(decideAck(parseAck('ACK'), DANA.phone, [takenToday], NOW)).toEqual({ kind: 'taken', incident: takenToday });
    expect(decideAck(parseAck('ACK'), DANA.phone, [takenLastWeek], NOW)).toEqual({ kind: 'nothing-open' });
    expect(decideAck(parseAck('ACK'), DANA.phone, [], NOW)).toEqual({ kind: 'nothing-open' });
  });

  it('counts an unanswered incident as open: a late ACK is welcome', () => {
    const unanswered = incident('INC-A', 'K7QP', { status: 'unanswered', step: 1 });
    expect(decideAck(parseAck('ACK'), SAM.phone, [unanswered], NOW)).toEqual({ kind: 'acknowledge', incident: unanswered, paged: true });
  });

  it('answers anything else with the open pages of the sender', () => {
    const open = incident('INC-A', 'K7QP');
    expect(decideAck(parseAck('who is this?'), DANA.phone, [open], NOW)).toEqual({ kind: 'not-an-ack', open: [open] });
  });
});

describe('who is on the chain (chainMemberOf)', () => {
  it('knows the configured chain, and the chains of open incidents opened under an older one', () => {
    const underOldChain = incident('INC-A', 'K7QP', { chain: [ALEX] });
    expect(chainMemberOf(DANA.phone, [DANA], [])).toEqual(DANA);
    expect(chainMemberOf(ALEX.phone, [DANA], [underOldChain])).toEqual(ALEX);
    expect(chainMemberOf('+15555559999', [DANA], [underOldChain])).toBeUndefined();
    expect(chainMemberOf(ALEX.phone, [DANA], [{ ...underOldChain, status: 'acknowledged' }])).toBeUndefined();
  });
});
