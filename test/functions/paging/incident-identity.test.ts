import { describe, expect, it } from 'vitest';
import { escalationTimer, parseEscalationSubject } from '../../../functions/paging/escalation-timer';
import { ackCodeCandidates, incidentIdFor } from '../../../functions/paging/incident-identity';

describe('incident identity', () => {
  it('derives the same incident from the same request, and another from another', () => {
    expect(incidentIdFor('emergency:C1:1.1')).toBe(incidentIdFor('emergency:C1:1.1'));
    expect(incidentIdFor('emergency:C1:1.1')).not.toBe(incidentIdFor('emergency:C1:1.2'));
    expect(incidentIdFor('emergency:C1:1.1')).toMatch(/^INC-[A-Z2-9]{6}$/);
  });

  it('offers distinct four-character ACK codes without look-alike characters', () => {
    const codes = ackCodeCandidates('INC-7K2M9Q');
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{4}$/);
  });
});

describe('escalation timers', () => {
  it('name the incident and the page they move on from', () => {
    const timer = escalationTimer('INC-7K2M9Q', 2, new Date('2026-11-23T04:05:00Z'));
    expect(timer).toMatchObject({ id: 'paging:INC-7K2M9Q:escalate:2', automation: 'paging', kind: 'escalate' });
    expect(parseEscalationSubject(timer.subject)).toEqual({ incidentId: 'INC-7K2M9Q', step: 2 });
    expect(parseEscalationSubject('something else')).toBeUndefined();
  });
});
