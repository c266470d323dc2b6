import type { Disclosed, Names } from './define';

/** Turns the indirect records a request names (tasks, cadence runs, merges) into the prospects they belong to. */
export interface OwnerResolver {
  tasks(ids: string[]): Promise<string[]>;
  runs(ids: string[]): Promise<string[]>;
  merges(ids: string[]): Promise<string[]>;
}

/** Where the per-tab lists survive a service-worker restart (storage.session in the background). */
export interface ScopeStore {
  load(): Promise<Record<string, string[]>>;
  save(all: Record<string, string[]>): Promise<void>;
}

/** A tab remembers this many prospects: a long LinkedIn session keeps its most recent pages. */
const PER_TAB = 2000;

/**
 * What each tab's content script has been shown. A content script may name (update, merge, attach, log
 * to) only prospects its own page was given by an answer: it cannot act on ids it guessed or got elsewhere.
 */
export class PageScopes {
  private tabs = new Map<number, Set<string>>();
  private loaded: Promise<void> | undefined;
  private saving: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly owners: OwnerResolver,
    private readonly store?: ScopeStore,
  ) {}

  private ready(): Promise<void> {
    this.loaded ??= (async () => {
      const saved = (await this.store?.load().catch(() => ({}))) ?? {};
      for (const [tab, ids] of Object.entries(saved as Record<string, string[]>)) {
        const set = this.tabs.get(Number(tab)) ?? new Set();
        for (const id of ids) set.add(id);
        this.tabs.set(Number(tab), set);
      }
    })();
    return this.loaded;
  }

  private persist(): void {
    if (!this.store || this.saving) return;
    this.saving = setTimeout(() => {
      this.saving = undefined;
      const all = Object.fromEntries([...this.tabs].map(([tab, ids]) => [String(tab), [...ids]]));
      void this.store!.save(all).catch(() => undefined);
    }, 0);
  }

  /** The prospects a request's names come down to (for the check and for the change event). */
  async prospectsOf(names: Names): Promise<string[]> {
    const [tasks, runs, merges] = await Promise.all([
      names.tasks?.length ? this.owners.tasks(names.tasks) : [],
      names.runs?.length ? this.owners.runs(names.runs) : [],
      names.merges?.length ? this.owners.merges(names.merges) : [],
    ]);
    return [...new Set([...(names.prospects ?? []), ...tasks, ...runs, ...merges])];
  }

  /** The first prospect of `ids` this tab was never shown, or null when it may name them all. */
  async unknownTo(tab: number, ids: string[]): Promise<string | null> {
    await this.ready();
    const shown = this.tabs.get(tab);
    return ids.find((id) => !shown?.has(id)) ?? null;
  }

  async disclose(tab: number, items: Disclosed[]): Promise<void> {
    if (items.length === 0) return;
    await this.ready();
    const set = this.tabs.get(tab) ?? new Set<string>();
    for (const { id } of items) {
      set.delete(id);
      set.add(id);
    }
    while (set.size > PER_TAB) set.delete(set.values().next().value!);
    this.tabs.set(tab, set);
    this.persist();
  }

  /** A new document in the tab (or the tab closed): what the old page was shown no longer counts. */
  async reset(tab: number): Promise<void> {
    await this.ready();
    if (this.tabs.delete(tab)) this.persist();
  }
}
