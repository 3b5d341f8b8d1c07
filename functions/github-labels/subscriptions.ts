import type { Subscription } from '../../shared/bus/subscription';

/** Comments, label changes and closings of issues, repository label changes, its own mirror requests and timers. */
export const githubLabelsSubscriptions: readonly Subscription[] = [
  { detailType: 'github.issue.commented' },
  { detailType: 'github.issue.labeled' },
  { detailType: 'github.issue.unlabeled' },
  { detailType: 'github.issue.state.changed' },
  { detailType: 'github.label.changed' },
  { detailType: 'github.codename.mirror.requested' },
  { detailType: 'timer.fired', detail: { automation: ['github-labels'] } },
];
