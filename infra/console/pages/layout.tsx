import type { Child } from 'hono/jsx';
import type { ConsoleView } from '../console-view';

/** The console's pages, in the order of its navigation. */
export const CONSOLE_PAGES = [
  { path: '/', name: 'Overview' },
  { path: '/runs', name: 'Runs' },
  { path: '/incidents', name: 'Incidents' },
  { path: '/deliveries', name: 'Deliveries' },
  { path: '/timers', name: 'Timers' },
  { path: '/outbox', name: 'Outbox' },
  { path: '/config', name: 'Configuration' },
] as const;

/**
 * Every page's frame: a skip link, the site header with the navigation (the current page marked), the main
 * landmark, a polite live region for what changes on its own, and the footer.
 */
export function Layout(props: { view: ConsoleView; title: string; children?: Child }) {
  const { view } = props;
  const current = (path: string) => (path === '/' ? view.path === '/' : view.path === path || view.path.startsWith(`${path}/`));
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <meta name="referrer" content="same-origin" />
        <title>{`${props.title} · Switchboard console`}</title>
        <link rel="stylesheet" href="/assets/console.css" />
        <script src="/assets/console.js" defer></script>
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="site">
          <p><span class="brand">Switchboard console</span> · {view.target} · times in {view.timeZone}</p>
          <nav aria-label="Console">
            <ul>
              {CONSOLE_PAGES.map((page) => (
                <li>
                  <a href={page.path} aria-current={current(page.path) ? 'page' : undefined}>{page.name}</a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" tabindex={-1}>
          <h1>{props.title}</h1>
          {props.children}
          <p id="live-status" class="visually-hidden" role="status" aria-live="polite"></p>
        </main>
        <footer>Served on 127.0.0.1 by <code>switchboard console</code> for this session only.</footer>
      </body>
    </html>
  );
}
