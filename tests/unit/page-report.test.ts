// @vitest-environment happy-dom
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeholders, sanitizedReport } from '@/lib/health/sanitize';
import { extractLinkedIn } from '@/lib/sites/linkedin/extract';
import { reportToFixture } from '../../scripts/report-to-fixture';
import { detectReport, reportMeta } from '../sites/report-check';
import { loadFixture } from '../sites/linkedin-load';

const URL_ = 'https://www.linkedin.com/in/priya-raman-demo/';

function report() {
  const doc = loadFixture('linkedin/profile-grouped-2025-06.html', URL_);
  const detected = extractLinkedIn(doc, URL_);
  const html = sanitizedReport(doc, { site: 'linkedin', kind: detected.kind, url: URL_, health: detected.health ?? {}, date: '2026-12-01' });
  return { doc, detected, html };
}

describe('placeholders', () => {
  const p = placeholders(new Uint32Array([1, 2, 3, 4]));
  it('keep length, case, script and punctuation', () => {
    const out = p.text('Jürgen Müller, 42 — Ηλίας Иван 李小龍');
    expect([...out]).toHaveLength([...'Jürgen Müller, 42 — Ηλίας Иван 李小龍'].length);
    expect(out).toMatch(/^[A-Z][a-z]{5} [A-Z][a-z]{5}, \d\d — [Α-Ω][α-ω]{4} [А-Я][а-я]{3} \p{Script=Han}{3}$/u);
    expect(out).not.toContain('rgen');
  });
  it('read the same for the same word, so a name in a link and in a heading still match', () => {
    expect(p.text('Priya Raman')).toBe(p.text('Priya Raman'));
    expect(p.url('https://www.linkedin.com/in/priya-raman-demo/')).toMatch(/^https:\/\/www\.linkedin\.com\/in\/[a-z]{5}-[a-z]{5}-[a-z]{4}\/$/);
    expect(p.email('payments-noreply@acme-pay.example')).toMatch(/^[a-z]{8}-noreply@[a-z]{4}-[a-z]{3}\.example$/);
  });
});

describe('a sanitized page report', () => {
  const { doc, detected, html } = report();

  it('keeps the structure: every element, class, id, role and data-view-name', () => {
    const copy = new DOMParser().parseFromString(html, 'text/html');
    expect(copy.querySelectorAll('*').length).toBe(doc.querySelectorAll('*').length + 1); // + the report's meta
    expect(copy.querySelectorAll('[data-view-name="profile-component-entity"]').length).toBe(doc.querySelectorAll('[data-view-name="profile-component-entity"]').length);
    expect(copy.querySelector('section[data-member-id] h1')?.className).toBe(doc.querySelector('section[data-member-id] h1')?.className);
  });

  it('keeps none of the content', () => {
    for (const s of ['Priya', 'Raman', 'priya-raman-demo', 'Initrode', 'VP Revenue Operations', 'Austin', 'Lena Park', 'Noah Berg', '402211', 'ACoAA402211']) {
      expect(html, s).not.toContain(s);
    }
  });

  it('still reads as the same kind of page with the same parts found', () => {
    expect(detectReport(html).kind).toBe('profile');
    expect(detectReport(html).health).toEqual(detected.health);
  });

  it('becomes a dated fixture and a passing adapter test in one step', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'touchline-report-'));
    const file = join(dir, 'touchline-report-linkedin-profile-2026-12-01.html');
    writeFileSync(file, html);
    const out = reportToFixture(file, { fixturesDir: join(dir, 'fixtures'), testsDir: join(dir, 'tests') });
    expect(out.fixture).toMatch(/linkedin-profile-2026-12-01\.html$/);
    expect(JSON.parse(readFileSync(out.expected, 'utf8'))).toEqual({ kind: 'profile', health: detected.health });
    expect(readFileSync(out.test, 'utf8')).toContain("checkReport(");
    expect(reportMeta(readFileSync(out.fixture, 'utf8')).date).toBe('2026-12-01');
    // The generated test's check, run on the generated fixture.
    const expected = JSON.parse(readFileSync(out.expected, 'utf8'));
    const again = detectReport(readFileSync(out.fixture, 'utf8'));
    expect({ kind: again.kind, health: again.health }).toEqual(expected);
  });
});
