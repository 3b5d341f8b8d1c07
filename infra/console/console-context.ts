import type { Context } from 'hono';
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Target } from '../admin/target';
import { consoleView, type ConsoleView } from './console-view';

/** What the console's routes share: the Switchboard it shows, and how its pages are made. */
export interface ConsoleContext {
  target: Target;
  csrf: string;
  /** How often live pages (runs, a queued replay, a requested acknowledgement) look for changes. */
  livePollMs: number;
  /** The automations the registry knows, for the filters. */
  automations: readonly string[];
  /** The view of a page under `path` (the navigation's current page), in the business time zone in force. */
  view(path: string): Promise<ConsoleView>;
}

export function createConsoleContext(input: { target: Target; csrf: string; livePollMs: number; automations: readonly string[] }): ConsoleContext {
  return {
    ...input,
    async view(path) {
      const active = await input.target.configs.find().catch(() => undefined);
      return consoleView({ path, csrf: input.csrf, timeZone: active?.config.businessHours.timeZone, target: input.target.description });
    },
  };
}

/** Sends a page as an HTML document. */
export function renderPage(c: Context, page: HtmlEscapedString | Promise<HtmlEscapedString>, status: 200 | 404 | 409 | 500 = 200): Response | Promise<Response> {
  return c.html(html`<!doctype html>${page}`, status);
}
