import { useId, useState } from 'react';
import { send } from '@/lib/messaging/client';
import type { Prospect, TouchChannel, TouchDirection } from '@/lib/model';
import { CHANNEL_LABELS } from '../../ui/format';
import { fieldClass, quietButtonClass, type Run } from './types';

const CHANNELS: TouchChannel[] = ['linkedin-connection', 'inmail', 'linkedin-engagement', 'call', 'linkedin-message'];

interface Props {
  prospect: Prospect;
  url: string;
  run: Run;
}

/** Logs what the page cannot show by itself: a connection request, an InMail, a comment or reaction, a call. */
export function LogTouchForm({ prospect, url, run }: Props) {
  const [channel, setChannel] = useState<TouchChannel>('linkedin-connection');
  const [direction, setDirection] = useState<TouchDirection>('outbound');
  const [summary, setSummary] = useState('');
  const [when, setWhen] = useState('');
  const ids = { channel: useId(), direction: useId(), summary: useId(), when: useId() };
  const log = () =>
    run(async () => {
      const at = when ? new Date(when).getTime() : Date.now();
      await send('touch.log', { prospectId: prospect.id, channel, direction, at, summary: summary.trim() || undefined, url });
      setSummary('');
      setWhen('');
    });
  return (
    <fieldset className="flex flex-col gap-1 border-t border-slate-100 pt-2 dark:border-slate-800">
      <legend className="text-xs font-semibold">Log a touch with {prospect.name}</legend>
      <div className="grid grid-cols-2 gap-1">
        <label htmlFor={ids.channel} className="text-xs">Touch</label>
        <select id={ids.channel} className={fieldClass} value={channel} onChange={(e) => setChannel(e.target.value as TouchChannel)}>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>{CHANNEL_LABELS[c]}</option>
          ))}
        </select>
        <label htmlFor={ids.direction} className="text-xs">Direction</label>
        <select id={ids.direction} className={fieldClass} value={direction} onChange={(e) => setDirection(e.target.value as TouchDirection)}>
          <option value="outbound">By me</option>
          <option value="inbound">By them</option>
        </select>
        <label htmlFor={ids.when} className="text-xs">When (empty: now)</label>
        <input id={ids.when} type="datetime-local" className={fieldClass} value={when} onChange={(e) => setWhen(e.target.value)} />
      </div>
      <label htmlFor={ids.summary} className="text-xs">Touch summary</label>
      <input id={ids.summary} className={fieldClass} value={summary} maxLength={2000} onChange={(e) => setSummary(e.target.value)} />
      <button type="button" className={`${quietButtonClass} self-end`} onClick={() => void log()}>
        Log touch
      </button>
    </fieldset>
  );
}
