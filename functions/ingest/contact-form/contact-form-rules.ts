import ms from 'ms';
import * as z from 'zod/mini';
import type { Clock } from '../../../shared/clock/clock';
import { CURRENT_CONFIG_KEY } from '../../../shared/config/config-item-key';
import type { Table } from '../../../shared/store/table';

/** The `contactForm` rules of the configuration in force, as ingest applies them. */
export interface ContactFormRules {
  /** Lower-case domains whose addresses (and their subdomains') are refused. */
  bannedEmailDomains: readonly string[];
  /** A post with the same fields within this time counts once. */
  repostWindowMs: number;
}

/** The configuration's defaults, in force until a configuration with a `contactForm` section is applied. */
export const DEFAULT_CONTACT_FORM_RULES: ContactFormRules = { bannedEmailDomains: [], repostWindowMs: 10 * 60_000 };

// Only the section ingest reads. The document was validated in full when it was applied; this only makes
// sure that what is read has the expected types, and falls back to the defaults where it has not.
const sectionSchema = z.looseObject({
  contactForm: z.optional(
    z.looseObject({
      bannedEmailDomains: z.optional(z.array(z.string())),
      repostWindow: z.optional(z.string()),
    }),
  ),
});

/** The rules a stored configuration document holds. */
export function contactFormRulesOf(document: unknown): ContactFormRules {
  const parsed = z.safeParse(sectionSchema, document);
  const section = parsed.success ? parsed.data.contactForm : undefined;
  const windowMs = section?.repostWindow === undefined ? undefined : ms(section.repostWindow as ms.StringValue);
  return {
    bannedEmailDomains: (section?.bannedEmailDomains ?? DEFAULT_CONTACT_FORM_RULES.bannedEmailDomains).map((domain) => domain.trim().toLowerCase()),
    repostWindowMs: windowMs !== undefined && Number.isFinite(windowMs) && windowMs > 0 ? windowMs : DEFAULT_CONTACT_FORM_RULES.repostWindowMs,
  };
}

/**
 * Reads the rules from the configuration item in the table, kept `cacheMs` (so a form post costs no
 * configuration read most of the time). Not the ConfigStore: its full validation would not fit ingest's
 * bundle. On AWS ingest's role may read this one item of the configuration.
 *
 * @example
 * const rules = new ConfiguredContactFormRules(table, clock, { cacheMs: 30_000 });
 * const { bannedEmailDomains } = await rules.current();
 */
export class ConfiguredContactFormRules {
  private cached: { rules: ContactFormRules; until: number } | undefined;

  constructor(
    private readonly table: Table,
    private readonly clock: Clock,
    private readonly options: { cacheMs: number },
  ) {}

  async current(): Promise<ContactFormRules> {
    const now = this.clock.now().getTime();
    if (this.cached !== undefined && now < this.cached.until) return this.cached.rules;
    const item = await this.table.get<{ document?: unknown }>(CURRENT_CONFIG_KEY, { consistent: true });
    const rules = contactFormRulesOf(item?.document);
    this.cached = { rules, until: now + this.options.cacheMs };
    return rules;
  }
}
