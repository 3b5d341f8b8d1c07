import type { ChainMember } from './incident';

export interface EscalationPlan {
  chain: readonly ChainMember[];
  /** Extra passes over the whole chain after the first. */
  repeats: number;
}

/** How many pages there are before the incident counts as unanswered. */
export function totalPages(plan: EscalationPlan): number {
  return plan.chain.length * (plan.repeats + 1);
}

/**
 * Who page number `step` goes to (0-based), and in which pass; undefined once the plan is exhausted.
 *
 * @example personPagedAt({ chain: [dana, sam, alex], repeats: 1 }, 4) // { member: sam, pass: 2 }
 */
export function personPagedAt(plan: EscalationPlan, step: number): { member: ChainMember; pass: number } | undefined {
  if (step < 0 || step >= totalPages(plan)) return undefined;
  return { member: plan.chain[step % plan.chain.length] as ChainMember, pass: Math.floor(step / plan.chain.length) + 1 };
}

/** Everyone paged up to and including `step`: they may acknowledge. */
export function pagedSoFar(plan: EscalationPlan, step: number): ChainMember[] {
  return plan.chain.slice(0, Math.min(step + 1, plan.chain.length));
}
