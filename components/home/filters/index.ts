/**
 * The home's shared filters, for the board and the list:
 *
 *   const [filter, setFilter] = useHomeFilter();          // kept in the hash query, survives reload and back
 *   const now = useNow();                                   // to the minute; a fixed page clock fixes it
 *   const keys = useHomeKeys(filter, stageIds, now);        // index keys only, live; undefined while loading
 *   const ids = keys && matchingIds(keys, filter, stageIds) // or boardColumns(...) (lib/home/filters.ts)
 *   <FilterBar filter={filter} onChange={setFilter} stages={settings.stages} />
 *
 * Then load only the rows on screen (db.prospects.bulkGet(visibleIds)).
 */
export { FilterBar, type FilterBarProps } from './FilterBar';
export { useHomeFilter } from './use-home-filter';
export { useHomeKeys, useNow, useTagsInUse } from './use-home-keys';
