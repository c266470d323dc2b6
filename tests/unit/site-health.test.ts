import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HEALTH_REQUESTS } from '@/lib/health/contract';
import { readHealth, recordHealth } from '@/lib/health/store';

beforeEach(() => fakeBrowser.reset());

const DAY = Date.parse('2026-12-01T09:00:00Z');

describe('site health counts', () => {
  it('counts each part per site and page kind, with the day it last worked', async () => {
    await recordHealth({ site: 'linkedin', kind: 'profile', parts: { name: 'found', currentRole: 'found' } }, DAY);
    await recordHealth({ site: 'linkedin', kind: 'profile', parts: { name: 'found', currentRole: 'missing' } }, DAY + 1000);
    const rows = await readHealth();
    expect(rows).toEqual([
      { site: 'linkedin', kind: 'profile', part: 'currentRole', found: 1, fallback: 0, missing: 1, absent: 0, lastWorking: DAY, lastMissing: DAY + 1000 },
      { site: 'linkedin', kind: 'profile', part: 'name', found: 2, fallback: 0, missing: 0, absent: 0, lastWorking: DAY + 1000, lastMissing: undefined },
    ]);
  });

  it('signals a missing part once, and again only after it worked in between', async () => {
    const missing = { site: 'linkedin' as const, kind: 'profile', parts: { currentRole: 'missing' as const } };
    expect(await recordHealth(missing, DAY)).toEqual(['currentRole']);
    expect(await recordHealth(missing, DAY + 1)).toEqual([]);
    await recordHealth({ ...missing, parts: { currentRole: 'found' } }, DAY + 2);
    expect(await recordHealth(missing, DAY + 3)).toEqual(['currentRole']);
  });

  it('never loses a count when reports from several tabs arrive at once', async () => {
    await Promise.all(Array.from({ length: 20 }, () => recordHealth({ site: 'gmail', kind: 'thread', parts: { subject: 'found' } }, DAY)));
    expect((await readHealth())[0]?.found).toBe(20);
  });

  it('accepts part names and statuses only: no page text fits the request', () => {
    const request = HEALTH_REQUESTS['health.report'].request;
    expect(request.safeParse({ site: 'gmail', kind: 'thread', parts: { 'Maria Gomez <maria@x.example>': 'found' } }).success).toBe(false);
    expect(request.safeParse({ site: 'gmail', kind: 'thread', parts: { subject: 'Quarterly pricing' } }).success).toBe(false);
  });
});
