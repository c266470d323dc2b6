import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import css from '@/components/sidebar/sidebar.css?inline';
import { send } from '../messaging/client';
import { PAGE_PEOPLE_MAX } from '../messaging/limits';
import { asBackgroundEvent, CHANGED_EVENT, changeConcerns, keyHash, TOGGLE_SIDEBAR_EVENT, type ChangedEvent } from '../messaging/events';
import type { ResponseOf } from '../messaging/contract';
import type { Settings } from '../settings/settings';
import type { Detected, DetectedPerson } from '../sites/types';
import { createFrame, paintPeople } from './first-paint';
import { reserveSpace } from './layout';
import { createSidebarHost, installDocumentStyles, splitSidebarCss, type SidebarCss } from './shadow-host';
import { registeredSidebarUi, type KnownPeople, type SidebarRuntime } from './sidebar-runtime';
import { detectTheme, systemTheme } from './theme';
import { createValueStore } from './value-store';

/** What a site brings to the runtime: how to detect and watch its pages, and its own sidebar UI module. */
export interface SiteRuntime {
  /** `settings` is null until the background has answered: the first paint does not wait for it. */
  detect(doc: Document, url: string, settings: Settings | null): Detected;
  /** Calls onChange when the page may show other people (each site knows where to look). */
  watch(ctx: ContentScriptContext, onChange: () => void): void;
  /** The site's sidebar UI (React and the site's panels), a web-accessible module loaded after the first paint. */
  uiPath: '/gmail-sidebar.js' | '/linkedin-sidebar.js';
}

type OpenAnswer = ResponseOf<'page.open'>;

/** The background's first answer: the promise, and the answer itself once it is here. */
interface Opening {
  done: Promise<OpenAnswer>;
  answer?: OpenAnswer;
  /** The runtime has painted: from then on it applies the answer itself. */
  painted: boolean;
}

const isToggleKey = (e: KeyboardEvent) => e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyT';

const domReady = () =>
  document.readyState === 'loading' ? new Promise<void>((ok) => document.addEventListener('DOMContentLoaded', () => ok(), { once: true })) : Promise.resolve();

export const personKeys = (p: DetectedPerson) => [...p.emails, ...(p.linkedinUrl ? [p.linkedinUrl] : []), ...(p.memberUrns ?? [])];

/**
 * Touchline's small per-site runtime. At document_start it asks the background for the settings (the
 * service worker wakes while the page parses). When the DOM is ready it detects the people and paints them
 * in plain DOM inside the sidebar's shadow root, in the same task, whether or not the background has
 * answered: a cold service worker can take longer to start than the page takes to parse. Once the answer
 * is here it applies it (the settings, the rep's open or closed choice, the site's theme), asks the store
 * about the people in one request, and loads the sidebar's UI module, which takes over the painted boxes.
 * One message listener serves the whole page. Everything stops with `ctx`.
 */
export function startSidebar(ctx: ContentScriptContext, site: SiteRuntime): void {
  const opening: Opening = { done: send('page.open', {}), painted: false };
  // The room for the sidebar is reserved from the first byte (lib/content/layout.ts); if the rep closed it,
  // give the room back as soon as the answer says so, usually long before the page first paints.
  opening.done
    .then((answer) => {
      opening.answer = answer;
      if (!ctx.isInvalid && !opening.painted) reserveSpace(document, answer.open);
    })
    .catch(() => undefined);
  const sidebarCss = splitSidebarCss(css);
  installDocumentStyles(document, sidebarCss);
  void domReady()
    .then(() => run(ctx, site, opening, sidebarCss))
    .catch((err) => console.error('[touchline]', err));
}

async function run(ctx: ContentScriptContext, site: SiteRuntime, opening: Opening, sidebarCss: SidebarCss): Promise<void> {
  if (ctx.isInvalid) return;
  opening.painted = true;
  // What the page alone tells, with whatever the background has said so far (a warm worker has answered).
  let settingsNow: Settings | null = opening.answer?.settings ?? null;
  const page = createValueStore(site.detect(document, location.href, settingsNow));
  const open = createValueStore(opening.answer?.open ?? true);
  // The theme this site had last time: probing the page's styles now would force a style pass over the
  // whole page before the first paint (tens of ms on a large thread). The probe runs after the frame.
  const theme = createValueStore(opening.answer?.theme ?? systemTheme(window));
  const known = createValueStore<KnownPeople>({});

  const { host, body } = createSidebarHost(document, sidebarCss);
  let lastToggleAt = -Infinity;
  const toggle = () => {
    lastToggleAt = performance.now();
    open.set(!open.get());
    void send('ui.sidebarOpen.set', { open: open.get() }).catch(() => undefined);
  };

  // The frame is the runtime's for the page's life; its content is the plain first paint, redrawn on
  // changes until the UI module takes over.
  const frame = createFrame(document, toggle);
  const show = () => {
    frame.show(open.get(), theme.get());
    reserveSpace(document, open.get());
  };
  let first: HTMLElement | null = paintPeople(document, page.get());
  frame.aside.append(first);
  show();
  body.append(frame.frame);
  document.body.append(host);
  const repaint = () => {
    if (!first) return;
    const next = paintPeople(document, page.get());
    first.replaceWith(next);
    first = next;
  };
  const unsubscribe = [page.subscribe(repaint), open.subscribe(show), theme.subscribe(show)];
  const detect = () => page.set(site.detect(document, location.href, settingsNow));
  site.watch(ctx, detect);
  const onKey = (e: KeyboardEvent) => {
    if (!isToggleKey(e)) return;
    e.preventDefault();
    e.stopPropagation();
    toggle();
  };
  window.addEventListener('keydown', onKey, { capture: true, signal: ctx.signal });
  ctx.onInvalidated(() => {
    for (const u of unsubscribe) u();
    host.remove();
    reserveSpace(document, false);
  });

  // The full theme probe hit-tests the page: run it once the first frame is out, and whenever the sidebar opens.
  let probed = false;
  const probeTheme = () =>
    requestAnimationFrame(() =>
      setTimeout(() => {
        const seen = detectTheme(window);
        probed = true;
        theme.set(seen);
        void opening.done
          .then((answer) => {
            if (seen !== answer.theme) void send('ui.theme.set', { theme: seen }).catch(() => undefined);
            answer.theme = seen;
          })
          .catch(() => undefined);
      }, 0),
    );
  probeTheme();
  unsubscribe.push(open.subscribe(() => open.get() && probeTheme()));

  const answer = await opening.done;
  if (ctx.isInvalid) return;
  const settings = createValueStore(answer.settings);
  if (settingsNow === null) {
    // Painted before the answer: now the settings decide who counts (Gmail leaves out colleagues and
    // never-capture entries), the rep's choice whether the sidebar is open, and the theme unless probed.
    settingsNow = answer.settings;
    if (lastToggleAt === -Infinity) open.set(answer.open);
    if (!probed && answer.theme) theme.set(answer.theme);
    detect();
  }
  unsubscribe.push(settings.subscribe(() => (settingsNow = settings.get())));

  // What the store knows about the people on the page: one request per change of who is on it.
  let generation = 0;
  let askedFor = '';
  let shownIds = new Set<string>();
  let shownKeys = new Set<string>();
  const lookup = async () => {
    const people = page.get().people.slice(0, PAGE_PEOPLE_MAX);
    const mine = ++generation;
    askedFor = people.map((p) => p.key).join('\n');
    shownKeys = new Set(people.flatMap(personKeys).map(keyHash));
    const views = people.length ? await send('page.people', { people: people.map((p) => ({ emails: p.emails.slice(0, 20), linkedinUrl: p.linkedinUrl, linkedinIds: p.memberUrns?.slice(0, 10) })) }) : [];
    if (mine !== generation || ctx.isInvalid) return;
    shownIds = new Set(views.flatMap((v) => (v ? [v.prospect.id] : [])));
    known.set(Object.fromEntries(people.map((p, i) => [p.key, views[i] ?? null])));
  };
  const safeLookup = () => void lookup().catch((err) => console.warn('[touchline] lookup', err));
  unsubscribe.push(
    page.subscribe(() => {
      if (page.get().people.map((p) => p.key).join('\n') !== askedFor) safeLookup();
    }),
  );
  safeLookup();

  // The page's one listener: the browser command toggles, a change that concerns this page refreshes it.
  const changeListeners = new Set<(e: ChangedEvent) => void>();
  const onChange = async (e: ChangedEvent) => {
    for (const l of changeListeners) l(e);
    if (!changeConcerns(e, shownIds, shownKeys)) return;
    if (e.ids === null) {
      settings.set(await send('settings.get', {}));
      detect();
    }
    safeLookup();
  };
  const onMessage = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const event = asBackgroundEvent(message);
    // When Chrome also lets the keydown through, the page listener already toggled for this key press.
    if (event?.event === TOGGLE_SIDEBAR_EVENT && performance.now() - lastToggleAt > 300) toggle();
    if (event?.event === CHANGED_EVENT) void onChange(event).catch(() => undefined);
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  const runtime: SidebarRuntime = {
    ctx,
    panel: frame.aside,
    page,
    settings,
    known,
    open,
    theme,
    toggle,
    onChanged: (l) => {
      changeListeners.add(l);
      return () => changeListeners.delete(l);
    },
    handOver: (content) => {
      if (first) first.replaceWith(content);
      else frame.aside.append(content);
      first = null;
    },
  };
  // The UI module: a separate build (React and this site's panels), imported once the first paint is on
  // screen: parsing and running it must not hold back the frame that shows the people. (A tab opened in
  // the background draws no frames, so its UI loads when the rep first looks at it.)
  await new Promise<void>((shown) => requestAnimationFrame(() => setTimeout(shown, 0)));
  if (ctx.isInvalid) return;
  await import(/* @vite-ignore */ browser.runtime.getURL(site.uiPath));
  if (ctx.isInvalid) return;
  registeredSidebarUi()?.(runtime);
}
