import type { DetailOf } from '../../shared/events/catalogue';
import type { LabelSettings } from './label-settings';

type Commenter = DetailOf<'github.issue.commented'>['commenter'];

/** GitHub's `author_association` values that make someone the team. */
const TEAM_ASSOCIATIONS = new Set(['OWNER', 'MEMBER']);

/**
 * Why a commenter is not the community, or undefined when they are. Bots never count (an account of type
 * Bot, any `[bot]` login, a configured bot login); the team is a configured login in any letter case, or
 * an OWNER or MEMBER of the repository. Anyone else counts, not only the author.
 *
 * @example
 * whyNotCommunity({ login: 'OctoCat', type: 'User', authorAssociation: 'NONE' }, settings) // 'OctoCat is on the team (company.github.teamLogins)'
 */
export function whyNotCommunity(commenter: Commenter, settings: LabelSettings): string | undefined {
  const login = commenter.login.toLowerCase();
  if (commenter.type.toLowerCase() === 'bot') return `${commenter.login} is a bot (type Bot)`;
  if (login.endsWith('[bot]')) return `${commenter.login} is an app's bot`;
  if (settings.botLogins.has(login)) return `${commenter.login} is a bot (githubLabels.botLogins)`;
  if (settings.teamLogins.has(login)) return `${commenter.login} is on the team (company.github.teamLogins)`;
  const association = commenter.authorAssociation.toUpperCase();
  if (TEAM_ASSOCIATIONS.has(association)) return `${commenter.login} is the team (${association} of the repository)`;
  return undefined;
}
