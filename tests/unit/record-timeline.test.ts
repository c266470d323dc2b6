import { describe, expect, it } from 'vitest';
import { siteLink, siteLinkLabel } from '@/lib/home/safe-link';
import { buildTimeline } from '@/lib/home/timeline';
import type { StageChange, Task, Touch } from '@/lib/model';

describe('links back to where a touch happened', () => {
  it('lets only https on the channel\'s own host through', () => {
    expect(siteLink('https://mail.google.com/mail/u/0/#inbox/FMfcg1', 'email')).toBe('https://mail.google.com/mail/u/0/#inbox/FMfcg1');
    expect(siteLink('https://www.linkedin.com/in/priya/', 'linkedin-connection')).toBe('https://www.linkedin.com/in/priya/');
    expect(siteLink('https://www.linkedin.com/in/priya/', 'note')).toBe('https://www.linkedin.com/in/priya/');
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'http://mail.google.com/mail/u/0/',
      'https://mail.google.com.evil.example/mail',
      'https://evil.example/?https://mail.google.com/',
      'https://user:pw@mail.google.com/mail',
      'https://mail.google.com:8443/mail',
      'not a url',
      '//mail.google.com/mail',
    ]) expect(siteLink(bad, 'email'), bad).toBeUndefined();
    // An email touch does not link to LinkedIn, nor a LinkedIn message to Gmail.
    expect(siteLink('https://www.linkedin.com/in/priya/', 'email')).toBeUndefined();
    expect(siteLink('https://mail.google.com/mail/u/0/', 'linkedin-message')).toBeUndefined();
    expect(siteLinkLabel('https://mail.google.com/mail/u/0/')).toBe('Open in Gmail');
    expect(siteLinkLabel('https://www.linkedin.com/in/x')).toBe('Open on LinkedIn');
  });
});

describe('the record\'s timeline', () => {
  const touch = (id: string, at: number, channel: Touch['channel'] = 'email', url?: string): Touch => ({ id, prospectId: 'p', channel, direction: 'outbound', at, createdAt: at, url });
  const change: StageChange = { id: 's1', prospectId: 'p', from: 'a', to: 'b', fromName: 'A', toName: 'B', at: 250, reason: 'Asked for pricing' };
  const task: Task = { id: 'k1', prospectId: 'p', kind: 'call', title: 'Call back', due: 900, done: 0, createdAt: 150 };

  it('puts touches, notes, stage changes, tasks and merges in one list, newest first, ties in a fixed order', () => {
    const entries = buildTimeline({
      touches: [touch('t1', 100, 'email', 'javascript:alert(1)'), touch('t2', 300, 'note'), touch('t3', 250, 'linkedin-message', 'https://www.linkedin.com/messaging/thread/1/')],
      stageChanges: [change],
      tasks: [task],
      merges: [{ id: 'm1', at: 400, removed: { name: 'Priya N.' } as never, movedTouchIds: ['t3'] }],
    });
    expect(entries.map((e) => `${e.kind}:${e.at}`)).toEqual(['merge:400', 'note:300', 'stage:250', 'touch:250', 'task:150', 'touch:100']);
    expect(entries.find((e) => e.key === 't:t1')).toMatchObject({ link: undefined });
    expect(entries.find((e) => e.key === 't:t3')).toMatchObject({ link: 'https://www.linkedin.com/messaging/thread/1/' });
  });
});
