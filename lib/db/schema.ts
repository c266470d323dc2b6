/**
 * Every version of the IndexedDB schema, oldest first. Never edit a shipped version: add the next one with
 * its date and, where rows must change shape, an upgrade function (tests/unit/db-upgrade.test.ts opens a
 * database at every older version, seeds it, and checks the rows survive the upgrade to the newest).
 *
 * Index syntax (Dexie): `&` unique, `*` multi-entry, `[a+b]` compound.
 */
export const SCHEMA_VERSIONS = [
  {
    // 2026-11-23: first version. Prospects, their touches and stage history.
    version: 1,
    stores: {
      prospects: 'id, &*emails, &linkedinUrl, stageId, updatedAt',
      touches: 'id, prospectId, &sourceKey, at',
      stageChanges: 'id, prospectId, at',
    },
  },
  {
    // 2026-11-23: companies and follow-up tasks; prospects gain companyId and a follow-up index.
    version: 2,
    stores: {
      prospects: 'id, &*emails, &linkedinUrl, stageId, updatedAt, companyId, followUpAt',
      companies: 'id, &domain, &linkedinUrl, name',
      tasks: 'id, prospectId, [done+due]',
    },
  },
  {
    // 2026-11-23 (issue 5, sales process): cadence runs, hand-ticked exit criteria and per-prospect touch
    // figures for the lead score (so rescoring everyone never reads every touch); tasks findable by run.
    // Lead scores live in columns (scoreboard rows 'ids', 'parts', 'scores'; typed arrays): a weight change
    // recombines the stored parts and writes one small row instead of 100,000 (measured 2026-11-23 in
    // Chromium on 2 shared cores: 100k small puts 18 s). Open-task counts per 15-minute slot (counters).
    version: 3,
    stores: {
      tasks: 'id, prospectId, [done+due], cadenceRunId',
      cadenceRuns: 'id, prospectId',
      criteriaTicks: 'id, prospectId',
      engagement: 'prospectId',
      scoreboard: 'id',
      counters: 'id',
    },
  },
  {
    // 2026-11-23 (issue 6, CRM sync): the outbox (written in the same transaction as each change), sync
    // metadata (the connected CRM, engine status) and links from local rows to their CRM records.
    version: 4,
    stores: {
      outbox: '++seq, prospectId',
      syncMeta: 'key',
      syncLinks: 'key, prospectId',
    },
  },
  {
    // 2026-11-24: merge snapshots, so merging two prospects (LinkedIn + email identity) can be undone.
    // Version 4 is reserved for other work landing in parallel (3 is the sales process, above).
    version: 5,
    stores: {
      merges: 'id, keptId, at',
    },
  },
  {
    // 2026-12-01 (issue 11): LinkedIn member URNs beside the vanity URL, so /in/ACoAA... links (messaging)
    // and search results' urn:li:member ids find the prospect their vanity URL made. Not unique: a URN
    // seen on two records is merged, not refused.
    version: 6,
    stores: {
      prospects: 'id, &*emails, &linkedinUrl, stageId, updatedAt, companyId, followUpAt, *linkedinIds',
    },
  },
  {
    // 2026-12-01 (issue 15, metrics): touches per channel in a period are counted by [channel+at+prospectId]
    // (the owner is in the key, so a source filter reads keys, not touches), and a won deal's touches up to
    // the win by [prospectId+at]. The metrics page never reads a million touches.
    version: 7,
    stores: {
      touches: 'id, prospectId, &sourceKey, at, [channel+at+prospectId], [prospectId+at]',
    },
  },
  {
    // 2026-12-02 (issue 12 §1): the connected CRM, token included, moves out of storage.local (which a content
    // script can read on Firefox and before Chrome 140) into the extension's own database, which no content
    // script can open on any browser. Not in backups. The rows already in storage.local are moved (and deleted
    // there) by lib/sync/connection-store.ts on first read: an IndexedDB upgrade cannot wait for storage.local.
    version: 8,
    stores: {
      secrets: 'key',
    },
  },
  {
    // 2026-12-02 (issue 14, search on the home page): normalised search tokens (name and company words, every
    // email, LinkedIn URL, tags; accents and case folded) in a multi-entry index, kept by lib/store/search-tokens.ts
    // on every prospect write, so search as you type reads index keys by prefix, never the table. Version 8 is
    // taken by other work landing in parallel (the CRM secret store).
    version: 9,
    stores: {
      prospects: 'id, &*emails, &linkedinUrl, stageId, updatedAt, companyId, followUpAt, *linkedinIds, *searchTokens',
    },
  },
  {
    // 2026-12-02 (issue 14, the CRM home's board filters): prospects by tag (*tags) and by capture source
    // (source.site), engagement by last touch (sort by last touch, "no touch for N days"): every filter reads
    // index keys, never the table. *searchTokens is the search index of the same issue (version 9);
    // it is listed here so this version keeps it.
    version: 10,
    stores: {
      prospects: 'id, &*emails, &linkedinUrl, stageId, updatedAt, companyId, followUpAt, *linkedinIds, *searchTokens, *tags, source.site',
      engagement: 'prospectId, lastTouchAt',
    },
  },
  {
    // 2026-12-03 (issue 15, metrics for a year under 500 ms): the metrics digest, a columnar copy of what the
    // metrics read (each prospect's source and deal value, stage changes, touch instants and channels) in a few
    // hundred rows of typed arrays, kept by the unit of work (lib/store/metrics-digest.ts). Versions 11 and 12
    // are taken by other work landing in parallel.
    version: 13,
    stores: {
      metricsDigest: 'id',
    },
  },
  {
    // 2026-12-03 (issue 15, restore and import speed): indexes nothing reads are dropped. Touches by
    // [channel+at+prospectId] (version 7) were the metrics page's until the digest (version 13) took over;
    // touches by `at` served only the outbox's queue-everything on connecting a CRM (it sorts them instead);
    // stage changes by `at` were never queried (a prospect's history is read by prospectId and sorted).
    // Every index entry is a write: restoring the 100,000-prospect set wrote 2,300,000 of these.
    // Versions 15 and 16 are taken by other work landing in parallel.
    version: 14,
    stores: {
      touches: 'id, prospectId, &sourceKey, [prospectId+at]',
      stageChanges: 'id, prospectId',
    },
  },
] as const;

export const DB_NAME = 'touchline';
