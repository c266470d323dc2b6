import 'fake-indexeddb/auto';
import { virtualClock, type Clock } from '../../lib/sync/clock';
import { scaledClock } from '../../lib/sync/scaled-clock';
import { HubSpotFake, PIPELINE } from '../../tests/sync/fakes/hubspot';
import { connection, freshDb, makeData, runWithRestarts, seedAndConnect, STAGES } from '../../tests/sync/harness';
import type { BenchRow } from '../table';

const PEOPLE = 10_000;
const TOUCHES_EACH = 5;
const BATCH = 100;

/** The fewest requests HubSpot's API allows for this data at 100 records per batch call (perfect packing). */
function minimumRequests(data: ReturnType<typeof makeData>): number {
  const c = (n: number) => Math.ceil(n / BATCH);
  const domains = new Set(data.prospects.map((p) => p.emails[0]?.split('@')[1]).filter(Boolean));
  const types = new Map<string, number>();
  for (const t of data.touches) {
    const type = t.channel === 'email' ? 'emails' : t.channel === 'call' ? 'calls' : 'notes';
    types.set(type, (types.get(type) ?? 0) + 1);
  }
  // contacts, deals, contact->company and deal->contact associations, companies; each activity type: upsert + association.
  return 4 * c(data.prospects.length) + c(domains.size) + [...types.values()].reduce((n, k) => n + 2 * c(k), 0);
}

/**
 * 10,000 prospects and 50,000 touches to the HubSpot fake at its free-tier limit, 100 requests per rolling
 * 10 s, measured twice. `virtual`: the fake's window and the engine share a virtual clock (sleeping costs no
 * real time, the engine's own CPU counts for nothing): this isolates how well batching and the limiter use
 * the allowance. `x2`: real time sped up 2x, so the engine's CPU and IndexedDB work count too (not faster: on
 * this machine, 2 shared cores and fake-indexeddb in Node, that work costs ~20-40 ms per request).
 */
export async function sync(): Promise<BenchRow[]> {
  return [...(await pushAll('virtual clock', virtualClock())), ...(await pushAll('real clock x2', scaledClock(2)))];
}

async function pushAll(clockLabel: string, clock: Clock): Promise<BenchRow[]> {
  const fake = await new HubSpotFake(clock, { max: 100, intervalMs: 10_000 }).start();
  try {
    const db = freshDb();
    const stageMap = Object.fromEntries(STAGES.map((s, i) => [s.id, PIPELINE.stages[Math.min(i, 6)]!.id]));
    const conn = connection('hubspot', fake.server.url, 'pat-good', stageMap);
    const data = makeData(PEOPLE, TOUCHES_EACH, { allEmail: true });
    const records = await seedAndConnect(db, data, conn);
    const started = clock.now();
    const run = await runWithRestarts(db, () => conn, clock);
    const seconds = (clock.now() - started) / 1000;

    const minRequests = minimumRequests(data);
    const boundPerSec = records / (minRequests / (100 / 10));
    const achieved = records / seconds;
    const contacts = [...fake.objects.contacts!.values()];
    const activities = [...fake.objects.notes!.values(), ...fake.objects.emails!.values(), ...fake.objects.calls!.values()];
    const duplicates = contacts.length - new Set(contacts.map((c) => c.properties.email)).size + (activities.length - new Set(activities.map((a) => a.properties.touchline_id)).size);
    const lost = PEOPLE - new Set(contacts.map((c) => c.properties.email)).size + (data.touches.length - new Set(activities.map((a) => a.properties.touchline_id)).size) + (await db.outbox.count());
    const label = `HubSpot fake, 10k prospects + 50k touches, 100 req/10 s, ${clockLabel}`;
    return [
      { suite: 'sync', metric: `${label}: records/s (bound ${boundPerSec.toFixed(0)} rec/s = ${minRequests} requests minimum)`, value: `${achieved.toFixed(0)} rec/s` },
      { suite: 'sync', metric: `${label}: share of the bound`, value: `${((100 * achieved) / boundPerSec).toFixed(1)} %`, goal: '>= 90 %' },
      { suite: 'sync', metric: `${label}: requests / 429s earned (${run.result.state})`, value: `${fake.server.stats.requests} / ${fake.rejected429}` },
      { suite: 'sync', metric: `${label}: duplicates / lost`, value: `${duplicates} / ${lost}`, goal: '0 / 0' },
    ];
  } finally {
    await fake.server.close();
  }
}
