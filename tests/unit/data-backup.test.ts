import Dexie, { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type TouchlineDb } from '@/lib/db/database';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/settings';
import { addProspect } from '@/lib/store/prospects';
import { moveStage } from '@/lib/store/stages';
import { logTouch } from '@/lib/store/touches';
import { rescoreAll } from '@/lib/store/scores';
import { rebuildDueBins } from '@/lib/store/due-bins';
import { setNextStep } from '@/lib/store/tasks';
import { write } from '@/lib/store/unit-of-work';
import { createBackup, restoreBackup, TABLE_NAMES, BackupFileError, CURRENT_SCHEMA_VERSION } from '@/lib/data/backup';
import { NEVER_BACKED_UP } from '@/lib/data/backup/schemas';

let db: TouchlineDb;
beforeEach(async () => {
  db = openDb(`touchline-backup-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const NOW = Date.parse('2026-11-30T10:00:00Z');
const settings: Settings = { ...DEFAULT_SETTINGS, internalDomains: ['us.example'] };

async function seed(target = db) {
  const { prospect: ana } = await addProspect(target, { name: 'Ana Lima', emails: ['ana@lima.example'], company: 'Lima' }, settings, NOW);
  const { prospect: bo } = await addProspect(target, { name: 'Bo Chen', linkedinUrl: 'https://www.linkedin.com/in/bo-chen' }, settings, NOW);
  for (let i = 0; i < 7; i++) {
    await logTouch(target, { prospectId: i % 2 ? ana.id : bo.id, channel: 'email', direction: i % 3 ? 'outbound' : 'inbound', at: NOW + i, sourceId: `m${i}`, subject: `Mail "${i}"\nwith a newline` }, NOW);
  }
  await moveStage(target, ana.id, 'qualification', settings, 'Asked for a demo', NOW + 10);
  await setNextStep(target, { prospectId: ana.id, text: 'Call back', due: NOW + 86_400_000 }, NOW);
  await write(target, () => target.criteriaTicks.put({ id: `${ana.id}|qualification|need`, prospectId: ana.id, stageId: 'qualification', criterionId: 'need', at: NOW }), { settings });
  await target.syncMeta.put({ key: 'target', connectionId: 'conn1', crm: 'hubspot' });
  await target.syncLinks.put({ key: `conn1|prospect|${ana.id}`, connectionId: 'conn1', prospectId: ana.id, remote: { contact: '42' } });
  await target.outbox.add({ connectionId: 'conn1', kind: 'prospect', prospectId: ana.id, refId: ana.id, at: NOW });
  await rescoreAll(target, settings, NOW);
  await rebuildDueBins(target);
  return { ana, bo };
}

/** The backup's text with the row on the line holding `marker` written twice (each row is a line of its own). */
function twice(text: string, marker: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(marker));
  if (i < 0) throw new Error(`no row with ${marker}`);
  lines.splice(i, 0, `${lines[i]!.replace(/,$/, '')},`);
  return lines.join('\n');
}

const dump = async (target = db) => Object.fromEntries(await Promise.all(TABLE_NAMES.map(async (t) => [t, await target.table(t).toArray()])));

describe('backup and restore', () => {
  it('covers every table of the database', () => {
    expect(db.tables.map((t) => t.name).filter((t) => !NEVER_BACKED_UP.has(t)).sort(), 'a new table needs its schema in BACKUP_TABLES (lib/data/backup/schemas.ts)').toEqual([...TABLE_NAMES].sort());
  });

  it('backup, wipe, restore gives identical tables and settings', async () => {
    await seed();
    const before = await dump();
    expect(before.scoreboard.length).toBeGreaterThan(0);
    expect(before.tasks.length).toBeGreaterThan(0);
    const file = await createBackup(db, settings, { now: NOW, pageRows: 3 });
    const text = await file.text();
    expect(JSON.parse(text)).toMatchObject({ format: 'touchline-backup', schemaVersion: CURRENT_SCHEMA_VERSION, settings });

    db.close();
    await Dexie.delete(db.name);
    db = openDb(db.name);
    await db.open();
    expect((await dump()).prospects).toEqual([]);
    let saved: Settings | undefined;
    const r = await restoreBackup(db, file, { mode: 'replace', settings: DEFAULT_SETTINGS, saveSettings: async (s) => (saved = s), chunkRows: 4 });
    expect(r.written.touches).toBe(7);
    expect(await dump()).toEqual(before);
    expect(saved).toEqual(settings);

    // A database not opened yet (a worker's first job is the restore) is emptied and filled the same way.
    const fresh = openDb(`touchline-backup-fresh-${Math.random()}`);
    try {
      await restoreBackup(fresh, file, { mode: 'replace', settings, saveSettings: async () => {} });
      expect(await dump(fresh)).toEqual(before);
    } finally {
      fresh.close();
      await Dexie.delete(fresh.name);
    }
  });

  it('a broken, truncated, foreign or newer file changes nothing and says why', async () => {
    await seed();
    const before = await dump();
    const good = await (await createBackup(db, settings, { now: NOW })).text();
    const attempt = (text: string) => restoreBackup(db, new Blob([text]), { mode: 'replace', settings, saveSettings: async () => { throw new Error('must not save'); } });

    await expect(attempt(good.replace('"ana@lima.example"', '"not an email"'))).rejects.toThrow(/Nothing was restored: 1 record\(s\) are not valid\. prospects row \d: emails\.0/);
    await expect(attempt(good.slice(0, Math.floor(good.length * 0.6)))).rejects.toThrow(/incomplete|not valid JSON/);
    await expect(attempt(good.replace(`"schemaVersion":${CURRENT_SCHEMA_VERSION}`, `"schemaVersion":${CURRENT_SCHEMA_VERSION + 1}`))).rejects.toThrow(
      /newer version of Touchline \(schema version \d+; this one reads up to \d+\)/,
    );
    await expect(attempt('{"hello": "world"}')).rejects.toThrow(BackupFileError);
    await expect(attempt('name,email\nAna,ana@x.example')).rejects.toThrow('not a JSON file');
    await expect(attempt(good.replace('"touches":[', '"gadgets":['))).rejects.toThrow('does not know ("gadgets")');
    // Every row valid, but one person twice: IndexedDB would refuse the second after the profile was emptied.
    await expect(attempt(twice(good, '"name":"Ana Lima"'))).rejects.toThrow(/Nothing was restored: 1 record\(s\) are not valid\. prospects row \d: id "[^"]+" is already another row's/);
    expect(await dump()).toEqual(before);
  });

  it('a replace that stops after emptying the profile says what it now holds, and the same file restored again finishes it', async () => {
    await seed();
    const before = await dump();
    const good = await (await createBackup(db, settings, { now: NOW })).text();
    const phases: string[] = [];
    const attempt = (text: string) => restoreBackup(db, new Blob([text]), { mode: 'replace', settings, saveSettings: async () => {}, onProgress: (p) => phases.push(p.phase) });
    // A touch twice: its table's ids are not held in memory by the check, so the write is what refuses it.
    await expect(attempt(twice(good, '"subject":"Mail \\"3\\"'))).rejects.toThrow(
      /^The restore stopped while writing touches \(.+\)\. This profile was emptied for it and now holds 2 of the backup's records: restore the same file again with Replace to finish\.$/,
    );
    expect(phases).toContain('emptied');
    expect(await db.prospects.count()).toBe(2);
    expect(await db.touches.count()).toBe(0);
    await attempt(good);
    expect(await dump()).toEqual(before);
  });

  it('merges into a profile that already knows some of the people, without duplicating them', async () => {
    const { ana } = await seed();
    const file = await createBackup(db, settings, { now: NOW });

    const other = openDb(`touchline-backup-other-${Math.random()}`);
    try {
      const { prospect: mine } = await addProspect(other, { name: 'Ana (mine)', emails: ['ANA@lima.example', 'ana2@lima.example'] }, settings, NOW);
      await logTouch(other, { prospectId: mine.id, channel: 'email', direction: 'outbound', at: NOW, sourceId: 'm1' }, NOW); // also in the backup
      const r = await restoreBackup(other, file, { mode: 'merge', settings, saveSettings: async () => { throw new Error('merge keeps settings'); } });
      expect(await other.prospects.count()).toBe(2);
      expect((await other.prospects.get(mine.id))!.name).toBe('Ana (mine)');
      expect(r.kept.prospects).toBe(1);
      // Ana's touches from the backup now belong to the person here; the one logged on both sides is kept once.
      const anaTouches = await other.touches.where('prospectId').equals(mine.id).toArray();
      expect(anaTouches.map((t) => t.sourceId).sort()).toEqual(['m1', 'm3', 'm5']);
      expect(await other.touches.where('prospectId').equals(ana.id).count()).toBe(0);
      expect(await other.criteriaTicks.get(`${mine.id}|qualification|need`)).toBeDefined();
      expect(await other.syncLinks.count()).toBe(0);
      // Added as any change is: engagement counted (1 here + 2 from the backup), a score for everyone.
      expect((await other.engagement.get(mine.id))?.touches).toBe(3);
      const ids = (await other.scoreboard.get('ids'))?.ids ?? [];
      expect(ids.sort()).toEqual((await other.prospects.toCollection().primaryKeys()).sort());
    } finally {
      other.close();
      await Dexie.delete(other.name);
    }
  });

  it('replace over a profile full of other people leaves exactly the backup (chunks of 3, written while the next is read)', async () => {
    await seed();
    const before = await dump();
    const file = await createBackup(db, settings, { now: NOW, pageRows: 2 });
    const other = openDb(`touchline-backup-other-${Math.random()}`);
    try {
      const { prospect: zed } = await addProspect(other, { name: 'Zed', emails: ['zed@z.example', 'ana@lima.example'] }, settings, NOW);
      for (let i = 0; i < 5; i++) await logTouch(other, { prospectId: zed.id, channel: 'call', direction: 'outbound', at: NOW + i }, NOW);
      await setNextStep(other, { prospectId: zed.id, text: 'Ring', due: NOW + 3_600_000 }, NOW);
      const r = await restoreBackup(other, file, { mode: 'replace', settings, saveSettings: async () => {}, chunkRows: 3 });
      expect(r.written).toMatchObject({ prospects: 2, touches: 7 });
      expect(await dump(other)).toEqual(before);
    } finally {
      other.close();
      await Dexie.delete(other.name);
    }
  });

  it('replace deletes and re-creates the database: the CRM secret stays, another open connection reopens and its live queries follow', async () => {
    await seed();
    const before = await dump();
    const file = await createBackup(db, settings, { now: NOW });
    const name = `touchline-backup-other-${Math.random()}`;
    const other = openDb(name);
    // The background's connection (and another page's) to the same database, with a live query on it.
    const background = openDb(name);
    try {
      const { prospect: zed } = await addProspect(other, { name: 'Zed', emails: ['zed@z.example'] }, settings, NOW);
      for (let i = 0; i < 3; i++) await logTouch(other, { prospectId: zed.id, channel: 'call', direction: 'outbound', at: NOW + i }, NOW);
      const secret = { key: 'connection' as const, connection: { kind: 'hubspot', token: 't0ken' } as never };
      await other.secrets.put(secret);
      const seen: number[] = [];
      const sub = liveQuery(() => background.prospects.count()).subscribe((n) => seen.push(n));
      await expect.poll(() => seen.at(-1)).toBe(1);

      await restoreBackup(other, file, { mode: 'replace', settings, saveSettings: async () => {} });
      expect(await dump(other)).toEqual(before);
      expect(await other.secrets.toArray()).toEqual([secret]);
      // Closed by the delete's versionchange, opened again by its next query, at the current schema.
      expect(await background.touches.count()).toBe(before.touches!.length);
      expect(background.verno).toBe(other.verno);
      await expect.poll(() => seen.at(-1)).toBe(before.prospects!.length);
      sub.unsubscribe();
    } finally {
      background.close();
      other.close();
      await Dexie.delete(name);
    }
  });

  it('a bad row at the very end of the file, after chunks of good ones, changes nothing in either mode', async () => {
    await seed();
    const before = await dump();
    const good = await (await createBackup(db, settings, { now: NOW })).text();
    const lastTouch = good.lastIndexOf('"channel":"email"');
    const bad = `${good.slice(0, lastTouch)}"channel":"pigeon"${good.slice(lastTouch + '"channel":"email"'.length)}`;
    for (const mode of ['replace', 'merge'] as const) {
      const error = await restoreBackup(db, new Blob([bad]), { mode, settings, saveSettings: async () => { throw new Error('must not save'); }, chunkRows: 1 }).catch((e: Error) => e);
      expect(error).toBeInstanceOf(BackupFileError);
      expect((error as Error).message).toMatch(/^Nothing was restored: 1 record\(s\) are not valid\. touches row 7: channel/);
      expect(await dump()).toEqual(before);
    }
  });

  it('merge recognises a person by a second email, in chunks, and their rows follow them', async () => {
    const source = openDb(`touchline-backup-src-${Math.random()}`);
    const other = openDb(`touchline-backup-other-${Math.random()}`);
    try {
      const { prospect: cy } = await addProspect(source, { name: 'Cy', emails: ['cy@home.example', 'cy@work.example'] }, settings, NOW);
      for (let i = 0; i < 4; i++) await addProspect(source, { name: `New ${i}`, emails: [`new${i}@x.example`] }, settings, NOW);
      for (let i = 0; i < 3; i++) await logTouch(source, { prospectId: cy.id, channel: 'email', direction: 'inbound', at: NOW + i, sourceId: `c${i}` }, NOW);
      const file = await createBackup(source, settings, { now: NOW });
      const { prospect: mine } = await addProspect(other, { name: 'Cy (mine)', emails: ['cy@work.example'] }, settings, NOW);
      const r = await restoreBackup(other, file, { mode: 'merge', settings, saveSettings: async () => {}, chunkRows: 2 });
      expect(r.written.prospects).toBe(4);
      expect(r.kept.prospects).toBe(1);
      expect(await other.prospects.count()).toBe(5);
      expect(await other.touches.where('prospectId').equals(mine.id).count()).toBe(3);
      expect((await other.engagement.get(mine.id))?.touches).toBe(3);
      // The same file again adds nothing.
      const again = await restoreBackup(other, file, { mode: 'merge', settings, saveSettings: async () => {}, chunkRows: 2 });
      expect(again.written).toMatchObject({ prospects: 0, touches: 0 });
      expect(await other.prospects.count()).toBe(5);
    } finally {
      for (const d of [source, other]) {
        d.close();
        await Dexie.delete(d.name);
      }
    }
  });
});
