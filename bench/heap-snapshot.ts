import type { CDPSession } from '@playwright/test';

/** A heap snapshot's self sizes by kind: what a growth between two snapshots is made of. */
export interface HeapKinds {
  /** V8's compiled code and its metadata (bytecode, optimized code, feedback): grows as hot paths tier up. */
  code: number;
  /** The browser's own capped buffers: performance timeline entries, layout shifts, history entries, DevTools' network log. */
  buffers: number;
  /** Everything else: JS objects, strings, closures, DOM wrappers (a leak shows here). */
  rest: number;
}

const BUFFER = /^(Performance|LayoutShift|DOMRectReadOnly|NavigationHistoryEntry|TaskAttributionTiming|blink::NetworkResourcesData)/;

/** Takes a heap snapshot of the page's renderer (after a full GC) and sums its nodes' self sizes by kind. */
export async function heapKinds(cdp: CDPSession): Promise<HeapKinds> {
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snap = JSON.parse(chunks.join('')) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[]; strings: string[] };
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt, width] = [fields.indexOf('type'), fields.indexOf('name'), fields.indexOf('self_size'), fields.length];
  const kinds: HeapKinds = { code: 0, buffers: 0, rest: 0 };
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + typeAt]!];
    const size = snap.nodes[i + sizeAt]!;
    if (type === 'code') kinds.code += size;
    else if (type === 'native' && BUFFER.test(snap.strings[snap.nodes[i + nameAt]!]!)) kinds.buffers += size;
    else kinds.rest += size;
  }
  return kinds;
}
