import type { TimelineEntry } from '@/lib/home/timeline';
import { CHANNEL_LABELS } from '@/components/ui/format';

const DIRECTION = { inbound: 'received', outbound: 'sent', internal: '' } as const;

/**
 * What a timeline row says first: "Email received", "Note", "Stage: Approach → Discovery". Plain (no React),
 * so the early paint (components/home/early/) words a row as TimelineRow does.
 */
export function entryTitle(e: TimelineEntry): string {
  switch (e.kind) {
    case 'touch':
    case 'note': {
      const dir = DIRECTION[e.touch.direction];
      return [CHANNEL_LABELS[e.touch.channel] ?? e.touch.channel, e.kind === 'touch' ? dir : ''].filter(Boolean).join(' ');
    }
    case 'stage':
      return e.change.fromName ? `Stage: ${e.change.fromName} → ${e.change.toName}` : `Added in ${e.change.toName}`;
    case 'task':
      return `Task: ${e.task.title}`;
    case 'merge':
      return `Merged with ${e.merge.removed.name}`;
  }
}
