import type { Stage } from '../process/stage';
import type { RemoteStage } from './adapter';

/**
 * A first stage mapping a rep can correct: won and lost stages go to the CRM stage whose label says so,
 * open stages are spread in order over the CRM's remaining stages (first pipeline only).
 */
export function defaultStageMap(stages: Stage[], remote: RemoteStage[]): Record<string, string> {
  if (!remote.length) return {};
  const pipeline = remote[0]!.pipelineId;
  const pool = remote.filter((r) => r.pipelineId === pipeline);
  const won = pool.find((r) => /won|customer/i.test(r.label));
  const lost = pool.find((r) => /lost/i.test(r.label));
  const open = pool.filter((r) => r !== won && r !== lost);
  const openStages = stages.filter((s) => s.kind === 'open');
  const map: Record<string, string> = {};
  openStages.forEach((s, i) => {
    const target = open[Math.min(open.length - 1, Math.floor((i * open.length) / Math.max(1, openStages.length)))];
    if (target) map[s.id] = target.id;
  });
  for (const s of stages) {
    if (s.kind === 'won' && won) map[s.id] = won.id;
    else if (s.kind === 'lost' && lost) map[s.id] = lost.id;
    else if (!map[s.id] && open.at(-1)) map[s.id] = (won ?? open.at(-1))!.id;
  }
  return map;
}
