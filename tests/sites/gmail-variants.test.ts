// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractGmail } from '@/lib/sites/gmail/extract';
import { detectFixture, loadFixture } from './gmail-load';

const SETTINGS = { internalDomains: ['ourco-labs.example'], neverCapture: ['rival-co.example'] };
const URL_MANY = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTlBcdemoMany';

describe('gmail/thread-many-2026-11.html (many participants, scripts, markup, collapsed, both compose kinds)', () => {
  const d = detectFixture('gmail/thread-many-2026-11.html', URL_MANY, SETTINGS);
  const thread = d.gmail!.thread!;

  it('keeps markup in the subject as plain text', () => {
    expect(d.title).toBe('Pilot rollout <img src=x onerror=alert(1)> across 5 sites');
    expect(d.conversationId).toBe('19a1000000000001');
  });

  it('counts every message: collapsed summaries and the ones folded into the "more" pill', () => {
    expect(thread.messages).toHaveLength(8);
    expect(thread.messages.filter((m) => m.collapsed).map((m) => m.id)).toEqual([
      '#msg-f:1850000000000000001',
      '#msg-f:1850000000000000002',
      '#msg-a:r-1850000000000000003',
      '#msg-f:1850000000000000004',
    ]);
    expect(thread.hiddenCount).toBe(3);
  });

  it('reads direction: mail from the user or a colleague is outbound, everything else inbound', () => {
    expect(thread.messages.map((m) => [m.from.email, m.direction])).toEqual([
      ['wang.fang@pearl-river.example', 'inbound'],
      ['notifications@acme-robotics.example', 'inbound'],
      ['sam.rivera@ourco.example', 'outbound'],
      ['calendar-notification@google.com', 'inbound'],
      ['eleni@aegean-ports.example', 'inbound'],
      ['mailer-daemon@googlemail.com', 'inbound'],
      ['dana.ko@ourco.example', 'outbound'],
      ['arseny.petrov@volga-freight.example', 'inbound'],
    ]);
    expect(thread.messages[0]!.at).toBe(new Date(2026, 10, 2, 8, 5).getTime());
    expect(thread.messages[7]!.at).toBe(new Date(2026, 10, 5, 17, 3).getTime());
  });

  it('offers each external person once, in order, with names in any script and markup as text', () => {
    expect(d.people.map((p) => [p.key, p.name])).toEqual([
      ['wang.fang@pearl-river.example', '王芳'],
      ['eleni@aegean-ports.example', 'Ελένη Παπαδοπούλου'],
      ['m.alahmad@gulf-logistics.example', 'محمد الأحمد'],
      ['hacker@evil-markup.example', '<img src=x onerror=alert(1)>'],
      ['ops@umbrella.example', null],
      ['arseny.petrov@volga-freight.example', 'Арсений Петров'],
      // drafts: the inline reply (older hidden-input kind) and the popup (PeopleKit chips)
      ['kemal@bosporus-trade.example', 'Kemal Aydın'],
      ['priya.natarajan@globex.example', 'Priya Natarajan'],
      ['jorge@umbrella.example', null],
      ['maria.gomez@acme-robotics.example', 'Maria Gomez'],
    ]);
  });

  it('never offers the user, colleagues, internal domains, robots or never-capture domains', () => {
    const keys = d.people.map((p) => p.key);
    for (const not of [
      'sam.rivera@ourco.example',
      'dana.ko@ourco.example',
      'raj.patel@ourco-labs.example',
      'notifications@acme-robotics.example',
      'calendar-notification@google.com',
      'mailer-daemon@googlemail.com',
      'pat@rival-co.example',
    ]) {
      expect(keys).not.toContain(not);
    }
    // Without the settings, the internal domain and the blocked domain are ordinary people.
    const plain = detectFixture('gmail/thread-many-2026-11.html', URL_MANY).people.map((p) => p.key);
    expect(plain).toContain('pat@rival-co.example');
    expect(plain).toContain('raj.patel@ourco-labs.example');
  });

  it('proposes signatures only from the sender\u2019s own text, not from quoted history', () => {
    expect(d.gmail!.signatures).toEqual([
      { email: 'eleni@aegean-ports.example', title: 'Head of Terminal Operations', company: 'Aegean Ports', phone: '+30 210 555 0199' },
      { email: 'arseny.petrov@volga-freight.example', title: 'Директор по логистике', company: 'Volga Freight', phone: '+7 843 555 01 23' },
    ]);
  });

  it('reads both drafts: the inline reply\u2019s hidden inputs and the popup\u2019s chips, with To, Cc and Bcc', () => {
    const [inline, popup] = d.gmail!.drafts;
    expect(inline).toMatchObject({ inline: true, draftId: '#msg-a:r-1850000000000000099', subject: 'Re: Pilot rollout <img src=x onerror=alert(1)> across 5 sites' });
    expect(inline!.to.map((a) => [a.email, a.name])).toEqual([
      ['arseny.petrov@volga-freight.example', 'Арсений Петров'],
      ['kemal@bosporus-trade.example', 'Kemal Aydın'],
    ]);
    expect(inline!.cc.map((a) => [a.email, a.external])).toEqual([['dana.ko@ourco.example', false]]);
    expect(popup).toMatchObject({ inline: false, draftId: '#msg-a:r-1850000000000000100', subject: 'Intro: logistics forecasting pilot' });
    expect(popup!.to.map((a) => a.email)).toEqual(['priya.natarajan@globex.example', 'jorge@umbrella.example']);
    expect(popup!.bcc.map((a) => a.email)).toEqual(['maria.gomez@acme-robotics.example']);
  });

  it('follows the rep adding and removing recipients', () => {
    const doc = loadFixture('gmail/thread-many-2026-11.html');
    const listbox = doc.querySelector('.dw [name="to"] [role="listbox"]')!;
    listbox.querySelector('[data-hovercard-id="jorge@umbrella.example"]')!.remove();
    const added = doc.createElement('div');
    added.setAttribute('role', 'option');
    added.setAttribute('data-hovercard-id', 'lena@nordic-rail.example');
    added.setAttribute('data-name', 'Lena Berg');
    listbox.prepend(added);
    const popup = extractGmail(doc, URL_MANY, SETTINGS).gmail!.drafts[1]!;
    expect(popup.to.map((a) => a.email)).toEqual(['lena@nordic-rail.example', 'priya.natarajan@globex.example']);
  });
});

describe('gmail/conversation-switch-2026-11.html (views the page swaps in on hash change)', () => {
  function view(templateId: string, compose = false) {
    const doc = loadFixture('gmail/conversation-switch-2026-11.html');
    const tpl = doc.getElementById(templateId) as HTMLTemplateElement;
    doc.getElementById('view')!.append(tpl.content.firstElementChild!.cloneNode(true));
    if (compose) doc.querySelector('.dw')!.append((doc.getElementById('view-compose') as HTMLTemplateElement).content.firstElementChild!.cloneNode(true));
    return doc;
  }

  it('thread A and thread B give different subjects, ids and people', () => {
    const a = extractGmail(view('view-thread-a'), 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTlBcdemoThread1', SETTINGS);
    const b = extractGmail(view('view-thread-b'), 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTlBcdemoThread2', SETTINGS);
    expect([a.title, a.conversationId, a.people.map((p) => p.key)]).toEqual([
      'Pricing for 40 seats',
      '19590c1a2f8e4a59',
      ['maria.gomez@acme-robotics.example', 'li.wei@acme-robotics.example'],
    ]);
    expect([b.title, b.conversationId, b.people.map((p) => p.key)]).toEqual(['Re: Renewal timeline', '1958e0000000b002', ['tom.becker@initech.example']]);
  });

  it('the inbox view lists rows; an open compose adds its external recipients', () => {
    const inbox = extractGmail(view('view-inbox', true), 'https://mail.google.com/mail/u/0/#inbox?compose=new', SETTINGS);
    expect(inbox.gmail!.thread).toBeUndefined();
    expect(inbox.gmail!.rows.map((r) => [r.legacyThreadId, r.people])).toEqual([
      ['19590c1a2f8e4a59', ['maria.gomez@acme-robotics.example']],
      ['1958f0000000a001', []],
      ['1958e0000000b002', ['tom.becker@initech.example']],
    ]);
    expect(inbox.gmail!.drafts[0]!.to.map((a) => a.email)).toEqual(['priya.natarajan@globex.example', 'jorge@umbrella.example']);
    expect(inbox.people.map((p) => p.key)).toEqual([
      'maria.gomez@acme-robotics.example',
      'tom.becker@initech.example',
      'priya.natarajan@globex.example',
      'jorge@umbrella.example',
    ]);
  });
});

describe('gmail/thread-large-2026-11.html', () => {
  it('has the size the benchmark promises and every message is read', () => {
    const doc = loadFixture('gmail/thread-large-2026-11.html');
    expect(doc.querySelectorAll('*').length).toBeGreaterThanOrEqual(30000);
    const d = extractGmail(doc, 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTlBcdemoLarge', SETTINGS);
    expect(d.gmail!.thread!.messages).toHaveLength(50);
    expect(d.gmail!.thread!.messages.filter((m) => m.collapsed)).toHaveLength(20);
    expect(d.people).toHaveLength(20);
  });
});
