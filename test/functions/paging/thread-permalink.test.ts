import { describe, expect, it } from 'vitest';
import { customerLink } from '../../../functions/paging/paging-messages';
import { permalinkDue } from '../../../functions/paging/thread-permalink';

const slack = { channel: 'C0ACMEPROD', threadTs: '1795406400.000200' };
const PERMALINK = 'https://acme.slack.com/archives/C0ACMEPROD/p1795406400000200';
const CHANNEL_LINK = 'https://slack.com/app_redirect?channel=C0ACMEPROD';

describe("the customer thread's permalink", () => {
  it('is asked again at a later page after a failure that may pass', () => {
    expect(permalinkDue({ slack, permalinkFailedAtStep: 0, permalinkFailureTransient: true }, 1)).toBe(true);
    expect(permalinkDue({ slack, permalinkFailedAtStep: 2, permalinkFailureTransient: true }, 5)).toBe(true);
  });

  it('is not asked again by another attempt of the page that failed to get it', () => {
    expect(permalinkDue({ slack, permalinkFailedAtStep: 1, permalinkFailureTransient: true }, 1)).toBe(false);
  });

  it('is not asked again after a failure that will not pass, once known, or without a thread', () => {
    expect(permalinkDue({ slack, permalinkFailedAtStep: 0, permalinkFailureTransient: false }, 1)).toBe(false);
    expect(permalinkDue({ slack, link: PERMALINK }, 1)).toBe(false);
    expect(permalinkDue({ permalinkFailedAtStep: 0, permalinkFailureTransient: true }, 1)).toBe(false);
    // Incidents opened before failures were kept: they hold the channel's link, and stay as they are.
    expect(permalinkDue({ slack, link: CHANNEL_LINK }, 1)).toBe(false);
  });
});

describe('the link to where the customer wrote', () => {
  it('is called the customer thread when it is the permalink', () => {
    expect(customerLink({ slack, link: PERMALINK })).toEqual({ url: PERMALINK, label: 'Customer thread' });
  });

  it('is the channel, called so, while Slack has not given the permalink', () => {
    expect(customerLink({ slack })).toEqual({ url: CHANNEL_LINK, label: 'Customer channel' });
  });

  it("is called the customer channel for an older incident that kept the channel's link as its own", () => {
    expect(customerLink({ slack, link: CHANNEL_LINK })).toEqual({ url: CHANNEL_LINK, label: 'Customer channel' });
  });

  it('is none for an incident opened from the CLI', () => {
    expect(customerLink({})).toBeUndefined();
  });
});
