// Writes the dated Gmail fixtures Touchline adds to the shared 2025-03 ones (tests/fixtures/gmail/*-2026-11.html).
// The markup follows the 2025-03 fixtures (Gmail's own attributes and class names); people are made up, on
// .example domains. Run: node scripts/gmail-fixtures.mjs   (the output is committed; re-running rewrites it).
import { writeFileSync } from 'node:fs';

const OUT = 'tests/fixtures/gmail';
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const SAM = { name: 'Sam Rivera', email: 'sam.rivera@ourco.example' };
const person = (p, cls) =>
  `<span email="${esc(p.email)}" name="${esc(p.name ?? p.email)}" data-hovercard-id="${esc(p.email)}" class="${cls}">${esc(p.name ?? p.email)}</span>`;

function head(title, extraCss = '') {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<style>
  body { margin: 0; font-family: Arial, sans-serif; font-size: 14px; }
  .wT { position: fixed; left: 0; top: 64px; width: 240px; bottom: 0; background: #f6f8fc; overflow: hidden; }
  .aeF { margin-left: 256px; margin-top: 64px; }
  .gb_Ja { position: fixed; top: 0; left: 0; right: 0; height: 64px; background: #f6f8fc; }
  .adn { border-bottom: 1px solid #eee; padding: 12px 0; }
  .g3 { color: #5e5e5e; }
  .AD { position: fixed; right: 16px; bottom: 0; width: 520px; height: 420px; background: #fff; box-shadow: 0 0 8px #999; }
  table.F { table-layout: fixed; width: 100%; border-collapse: collapse; }
  tr.zA { height: 40px; }
  tr.zA td { padding: 0 6px; border-bottom: 1px solid #eee; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; line-height: 20px; }
  .yW { overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
${extraCss}</style>
</head>
<body>
<header class="gb_Ja" role="banner">
  <a class="gb_A" role="button" aria-label="Google Account: Sam Rivera (sam.rivera@ourco.example)" href="#">SR</a>
  <form role="search"><input aria-label="Search mail" name="q"></form>
</header>
`;
}

/** Time as Gmail's English UI writes it in the title attribute. */
function gmailTime(d) {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const h = d.getHours() % 12 || 12;
  const ampm = d.getHours() < 12 ? 'AM' : 'PM';
  return `${days[d.getDay()]}, ${months[d.getMonth()]} ${d.getDate()}, ${d.getFullYear()}, ${h}:${String(d.getMinutes()).padStart(2, '0')}\u202f${ampm}`;
}

function recipientsHtml(m) {
  let html = 'to ' + m.to.map((p) => person(p, 'g2')).join(', ');
  if (m.cc?.length) html += ', cc: ' + m.cc.map((p) => person(p, 'g2')).join(', ');
  return html;
}

function expandedMessage(m) {
  return `
<div role="listitem" class="adn ads" data-message-id="${m.id}" data-legacy-message-id="${m.legacy}">
  <div class="gs"><div class="gE iv gt">
    <table class="cf gJ" role="presentation"><tbody>
      <tr class="acZ">
        <td class="gF gK"><h3 class="iw gFxsud"><span class="qu" tabindex="-1">${person(m.from, 'gD')}
          <span class="go"><span aria-hidden="true">&lt;</span>${esc(m.from.email)}<span aria-hidden="true">&gt;</span></span></span></h3></td>
        <td class="gH bAk"><div class="gK"><span class="g3" title="${gmailTime(m.at)}" role="gridcell" tabindex="-1">${gmailTime(m.at)}</span></div></td>
      </tr>
      <tr class="acZ xD"><td colspan="3"><div class="iw ajw"><span class="hb">${recipientsHtml(m)}</span></div></td></tr>
    </tbody></table>
  </div>
  <div class="ii gt"><div class="a3s aiL"><div dir="ltr">${m.body}</div></div></div></div>
</div>`;
}

function collapsedMessage(m) {
  return `
<div role="listitem" class="adn kv" data-message-id="${m.id}" data-legacy-message-id="${m.legacy}" aria-expanded="false">
  <div class="gs"><div class="gE iv gt">
    <table class="cf gJ" role="presentation"><tbody><tr class="acZ">
      <td class="gF gK"><h3 class="iw gFxsud"><span class="qu">${person(m.from, 'zF')}</span></h3></td>
      <td class="gH bAk"><div class="gK"><span class="g3" title="${gmailTime(m.at)}" role="gridcell">${gmailTime(m.at)}</span></div></td>
    </tr></tbody></table>
    <span class="iA g6">${esc(m.snippet ?? '')}</span>
  </div></div>
</div>`;
}

function threadView({ subject, legacy, perm, messages, hidden = 0, inlineReply = '' }) {
  const items = messages.map((m) => (m.collapsed ? collapsedMessage(m) : expandedMessage(m)));
  if (hidden) {
    // Gmail folds the middle of a long thread into a pill showing how many messages it holds.
    items.splice(1, 0, `\n<div class="kQ bg" role="button" tabindex="0"><span class="adx" aria-hidden="true">${hidden}</span></div>`);
  }
  return `<div role="main" class="nH bkK">
  <div class="a98 iY"><div class="nH">
    <div class="ha"><h2 class="hP" data-thread-perm-id="${perm}" data-legacy-thread-id="${legacy}" tabindex="-1">${esc(subject)}</h2></div>
    <div role="list" class="Bs nH">${items.join('')}
    </div>${inlineReply}
  </div></div>
</div>`;
}

const chip = (p) => `
  <div role="option" class="afV" data-name="${esc(p.name ?? p.email)}" data-hovercard-id="${esc(p.email)}" aria-selected="false"><div class="akl">${esc(p.name ?? p.email)}</div></div>`;

function popupCompose({ subject, to, cc = [], bcc = [], draft }) {
  const field = (name, label, list) => `
      <div class="aoD az6"><div class="anm" name="${name}"><div class="aH9">${label}</div>
        <div role="listbox" aria-label="Search Field" aria-multiselectable="true">${list.map(chip).join('')}
          <input class="agP aFw" aria-label="${label} recipients" type="text" role="combobox"></div></div></div>`;
  return `<div class="nH Hd" role="dialog" aria-label="New Message"><div class="AD"><div class="M9"><div class="aoI">
    <form class="bAs" method="POST">
      <input type="hidden" name="draft" value="${draft}">
      <div class="GS">${field('to', 'To', to)}${field('cc', 'Cc', cc)}${bcc.length ? field('bcc', 'Bcc', bcc) : ''}</div>
      <input name="subjectbox" class="aoT" placeholder="Subject" value="${esc(subject)}">
      <div class="Am Al editable" role="textbox" aria-label="Message Body" contenteditable="true"></div>
      <div class="T-I J-J5-Ji aoO v7 T-I-atl L3" role="button" tabindex="1" data-tooltip="Send">Send</div>
    </form></div></div></div></div>`;
}

/** The older compose (still served to some accounts, 2026-11): a chip per recipient with a hidden input. */
function inlineOldReply({ subject, to, cc = [], draft }) {
  const oldChip = (name, p) =>
    `<div class="vR"><span class="vN bfK a3q" email="${esc(p.email)}"><div class="vT">${esc(p.name ?? p.email)}</div></span><input type="hidden" name="${name}" value="${esc(p.name ? `${p.name} <${p.email}>` : p.email)}"></div>`;
  return `
    <div class="ip adB"><div class="M9"><form class="bAs" method="POST">
      <input type="hidden" name="draft" value="${draft}">
      <div class="wO nr l1">${to.map((p) => oldChip('to', p)).join('')}</div>
      <div class="wO nr l1">${cc.map((p) => oldChip('cc', p)).join('')}</div>
      <input type="hidden" name="subjectbox" value="${esc(subject)}">
      <div class="Am Al editable" role="textbox" aria-label="Message Body" contenteditable="true"></div>
      <div class="T-I J-J5-Ji aoO v7 T-I-atl L3" role="button" tabindex="1" data-tooltip="Send">Send</div>
    </form></div></div>`;
}

const nav = (labels = 4) =>
  `<div class="wT"><div role="navigation">${Array.from({ length: labels }, (_, i) => `<div class="aim"><div class="TO"><div class="TN"><span class="nU"><a href="#label/L${i}">Label ${i}</a></span><span class="bsU">${i}</span></div></div></div>`).join('')}</div></div>`;

function page({ title, main, dialogs = '', labels, script = '', templates = '' }) {
  return `${head(title)}<!-- Gmail, modelled on the DOM as of 2025-03 with the variants seen 2026-11. Synthetic people; .example domains.
     Written by scripts/gmail-fixtures.mjs. -->
${nav(labels)}
<div class="nH"><div class="aeF"><div class="nH" id="view">
${main}
</div></div></div>
<div class="dw">${dialogs}</div>
${templates}${script}
</body>
</html>
`;
}

// ---- people -------------------------------------------------------------------------------------------
const maria = { name: 'Maria Gomez', email: 'maria.gomez@acme-robotics.example' };
const wang = { name: '王芳', email: 'wang.fang@pearl-river.example' };
const arseny = { name: 'Арсений Петров', email: 'arseny.petrov@volga-freight.example' };
const eleni = { name: 'Ελένη Παπαδοπούλου', email: 'eleni@aegean-ports.example' };
const mohammed = { name: 'محمد الأحمد', email: 'm.alahmad@gulf-logistics.example' };
const xss = { name: '<img src=x onerror=alert(1)>', email: 'hacker@evil-markup.example' };
const noname = { name: null, email: 'ops@umbrella.example' };
const dana = { name: 'Dana Ko', email: 'dana.ko@ourco.example' };
const raj = { name: 'Raj Patel', email: 'raj.patel@ourco-labs.example' }; // internal via settings.internalDomains
const notifier = { name: 'Acme Notifications', email: 'notifications@acme-robotics.example' };
const calendar = { name: 'Google Calendar', email: 'calendar-notification@google.com' };
const daemon = { name: 'Mail Delivery Subsystem', email: 'mailer-daemon@googlemail.com' };
const blocked = { name: 'Pat Competitor', email: 'pat@rival-co.example' }; // never-capture in the tests
const priya = { name: 'Priya Natarajan', email: 'priya.natarajan@globex.example' };
const jorge = { name: null, email: 'jorge@umbrella.example' };

const at = (day, h, m) => new Date(2026, 10, day, h, m);
const sig = (p, lines) => `Best,<br>--<br>${esc(p.name)}<br>${lines.map(esc).join('<br>')}`;

// ---- thread-many-2026-11: many participants, scripts, markup, collapsed messages, both compose kinds ------
const manySubject = 'Pilot rollout <img src=x onerror=alert(1)> across 5 sites';
const manyMessages = [
  { id: '#msg-f:1850000000000000001', legacy: '19a1000000000001', from: wang, to: [SAM], cc: [arseny, dana], at: at(2, 8, 5), collapsed: true, snippet: 'Kicking off the pilot: sites in Shenzhen and Kazan first' },
  { id: '#msg-f:1850000000000000002', legacy: '19a1000000000002', from: notifier, to: [SAM], at: at(2, 9, 0), collapsed: true, snippet: 'Ticket #4411 was updated' },
  { id: '#msg-a:r-1850000000000000003', legacy: '19a1000000000003', from: SAM, to: [wang, arseny], cc: [raj], at: at(3, 10, 30), collapsed: true, snippet: 'Thanks all, agenda attached' },
  { id: '#msg-f:1850000000000000004', legacy: '19a1000000000004', from: calendar, to: [SAM], at: at(3, 11, 0), collapsed: true, snippet: 'Invitation: Pilot review' },
  {
    id: '#msg-f:1850000000000000005', legacy: '19a1000000000005', from: eleni, to: [SAM, wang], cc: [mohammed, xss, noname, blocked], at: at(4, 14, 45),
    body: `Hello Sam,<br><br>Piraeus can join in week 2.<br><br>${sig(eleni, ['Head of Terminal Operations, Aegean Ports', 'Tel: +30 210 555 0199', 'www.aegean-ports.example'])}<div class="gmail_quote">On Mon, Sam wrote:<blockquote>Thanks all<br>--<br>Sam Rivera<br>Account Executive | Ourco</blockquote></div>`,
  },
  { id: '#msg-f:1850000000000000006', legacy: '19a1000000000006', from: daemon, to: [SAM], at: at(4, 15, 0), body: 'Delivery to ops@umbrella.example was delayed.' },
  {
    id: '#msg-a:r-1850000000000000007', legacy: '19a1000000000007', from: dana, to: [eleni, mohammed], cc: [SAM, raj], at: at(5, 9, 12),
    body: 'Eleni, Mohammed: sending the security pack now.<br><br>Dana',
  },
  {
    id: '#msg-f:1850000000000000008', legacy: '19a1000000000008', from: arseny, to: [SAM], cc: [wang], at: at(5, 17, 3),
    body: `Sam, we confirm Kazan.<br><br>${sig(arseny, ['Директор по логистике', 'Volga Freight', '+7 843 555 01 23'])}`,
  },
];
writeFileSync(
  `${OUT}/thread-many-2026-11.html`,
  page({
    title: `${manySubject} - sam.rivera@ourco.example - Ourco Mail`,
    main: threadView({
      subject: manySubject, legacy: '19a1000000000001', perm: 'thread-f:1850000000000000001', messages: manyMessages, hidden: 3,
      inlineReply: inlineOldReply({ subject: `Re: ${manySubject}`, to: [arseny, { name: 'Kemal Aydın', email: 'kemal@bosporus-trade.example' }], cc: [dana], draft: '#msg-a:r-1850000000000000099' }),
    }),
    dialogs: popupCompose({ subject: 'Intro: logistics forecasting pilot', to: [priya, jorge], cc: [dana], bcc: [maria], draft: '#msg-a:r-1850000000000000100' }),
  }),
);

// ---- conversation-switch-2026-11: Gmail as a single-page app, views swapped on hash change -------------------
const threadA = {
  subject: 'Pricing for 40 seats', legacy: '19590c1a2f8e4a59', perm: 'thread-f:1826433118901552217',
  messages: [
    { id: '#msg-f:1826433118901552217', legacy: '19590c1a2f8e4a59', from: maria, to: [SAM, { name: 'Li Wei', email: 'li.wei@acme-robotics.example' }], at: at(10, 9, 14), body: `Hi Sam,<br>We need pricing.<br><br>${sig(maria, ['VP Operations | Acme Robotics', '+1 415 555 0142'])}` },
    { id: '#msg-a:r-4410023376518120019', legacy: '19591a0b7c2d11e3', from: SAM, to: [maria], cc: [dana], at: at(10, 11, 2), body: 'Hi Maria, pricing attached.<br>Sam' },
  ],
};
const threadB = {
  subject: 'Re: Renewal timeline', legacy: '1958e0000000b002', perm: 'thread-f:1826399900000000002',
  messages: [
    { id: '#msg-f:1826399900000000002', legacy: '1958e0000000b002', from: { name: 'Tom Becker', email: 'tom.becker@initech.example' }, to: [SAM], at: at(11, 16, 40), body: 'Sam, can we move the renewal call to next week?<br>Tom' },
  ],
};
const inboxList = `<div role="main" class="nH bkK"><div class="Cp" gh="tl"><table class="F cf zt" role="grid">
  <colgroup><col style="width: 200px"><col><col style="width: 90px"></colgroup><tbody>
  <tr class="zA zE" role="row"><td class="yX xY"><div class="yW"><span class="bA4">${person(maria, 'zF')}</span></div></td>
    <td class="xY a4W"><div class="xS" role="link"><div class="xT"><div class="y6"><span class="bog"><span data-thread-id="#thread-f:1826433118901552217" data-legacy-thread-id="19590c1a2f8e4a59">Pricing for 40 seats</span></span></div><span class="y2"> - We need pricing.</span></div></div></td>
    <td class="xW xY"><span title="${gmailTime(at(10, 9, 14))}">Nov 10</span></td></tr>
  <tr class="zA yO" role="row"><td class="yX xY"><div class="yW"><span class="bA4">${person(calendar, 'yP')}</span></div></td>
    <td class="xY a4W"><div class="xS" role="link"><div class="xT"><div class="y6"><span class="bog"><span data-thread-id="#thread-f:1826411100000000001" data-legacy-thread-id="1958f0000000a001">Invitation: Security review</span></span></div></div></div></td>
    <td class="xW xY"><span title="${gmailTime(at(10, 8, 0))}">Nov 10</span></td></tr>
  <tr class="zA yO" role="row"><td class="yX xY"><div class="yW"><span class="bA4">${person({ name: 'Tom Becker', email: 'tom.becker@initech.example' }, 'yP')}, ${person(dana, 'yP')}</span> <span class="bx0">3</span></div></td>
    <td class="xY a4W"><div class="xS" role="link"><div class="xT"><div class="y6"><span class="bog"><span data-thread-id="#thread-f:1826399900000000002" data-legacy-thread-id="1958e0000000b002">Re: Renewal timeline</span></span></div></div></div></td>
    <td class="xW xY"><span title="${gmailTime(at(11, 16, 40))}">Nov 11</span></td></tr>
</tbody></table></div></div>`;
const router = `<script>
// Stands in for Gmail's client-side router: the hash picks a view and the main view is replaced, as Gmail
// does, without loading a new document; "?compose=new" opens a compose popup, removing it closes it.
(function () {
  var views = { inbox: 'view-inbox', FMfcgzQZTlBcdemoThread1: 'view-thread-a', FMfcgzQZTlBcdemoThread2: 'view-thread-b' };
  function render() {
    var hash = location.hash.replace(/^#/, '');
    var path = hash.split('?')[0];
    var last = path.split('/').pop();
    var tpl = document.getElementById(views[last] || 'view-inbox');
    var old = document.querySelector('[role="main"]');
    var next = tpl.content.firstElementChild.cloneNode(true);
    if (old) old.replaceWith(next); else document.getElementById('view').append(next);
    var host = document.querySelector('.dw');
    var wantCompose = /[?&]compose=new/.test(hash);
    var open = host.querySelector('[role="dialog"]');
    if (wantCompose && !open) host.append(document.getElementById('view-compose').content.firstElementChild.cloneNode(true));
    if (!wantCompose && open) open.remove();
  }
  window.addEventListener('hashchange', render);
  render();
})();
</script>`;
writeFileSync(
  `${OUT}/conversation-switch-2026-11.html`,
  page({
    title: 'Inbox - sam.rivera@ourco.example - Ourco Mail',
    main: '',
    templates: `<template id="view-inbox">${inboxList}</template>
<template id="view-thread-a">${threadView(threadA)}</template>
<template id="view-thread-b">${threadView(threadB)}</template>
<template id="view-compose">${popupCompose({ subject: 'Following up', to: [priya, jorge], cc: [dana], draft: '#msg-a:r-1826000000000000777' })}</template>
`,
    script: router,
  }),
);

// ---- thread-large-2026-11: 50 messages, >= 30,000 elements, for the detection benchmark -------------------
const cast = [maria, wang, arseny, eleni, mohammed, priya, ...Array.from({ length: 14 }, (_, i) => ({ name: `Buyer ${i + 1}`, email: `buyer${i + 1}@customer-${i % 5}.example` }))];
function heavyBody(i, from) {
  // Newsletter-style table layout plus quoted history: what makes real thread pages heavy.
  const cells = Array.from({ length: 64 }, (_, r) => `<tr><td><table role="presentation"><tbody><tr><td><span><b>Item ${r}</b></span></td><td><div><span>${r * i} units</span></div></td><td><a href="#"><span>link</span></a></td></tr></tbody></table></td></tr>`).join('');
  const quote = Array.from({ length: 30 }, (_, q) => `<div><span>Earlier line ${q}</span><br></div>`).join('');
  return `Update ${i}.<br><table role="presentation"><tbody>${cells}</tbody></table>${sig(from, ['Director of Operations | ' + from.email.split('@')[1], '+1 212 555 01' + String(i).padStart(2, '0')])}<div class="gmail_quote"><blockquote>${quote}</blockquote></div>`;
}
const largeMessages = Array.from({ length: 50 }, (_, i) => {
  const outbound = i % 3 === 1;
  const other = cast[i % cast.length];
  const from = outbound ? SAM : other;
  const id = outbound ? `#msg-a:r-18600000000000${String(i).padStart(5, '0')}` : `#msg-f:18600000000000${String(i).padStart(5, '0')}`;
  const collapsed = i < 20;
  const m = { id, legacy: `19b2${String(i).padStart(12, '0')}`, from, to: outbound ? [other, cast[(i + 1) % cast.length]] : [SAM], cc: [dana, cast[(i + 2) % cast.length]], at: new Date(2026, 9, 1 + Math.floor(i / 3), 8 + (i % 9), i % 60), collapsed, snippet: `Update ${i}` };
  if (!collapsed) m.body = heavyBody(i, from);
  return m;
});
writeFileSync(
  `${OUT}/thread-large-2026-11.html`,
  page({
    title: 'Q4 rollout programme - sam.rivera@ourco.example - Ourco Mail',
    labels: 400,
    main: threadView({ subject: 'Q4 rollout programme', legacy: '19b2000000000000', perm: 'thread-f:1860000000000000000', messages: largeMessages }),
  }),
);
console.log('wrote thread-many, conversation-switch and thread-large (2026-11)');
