// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { tailLines, textLines } from '@/lib/sites/gmail/text';

describe('body text lines', () => {
  const body = document.createElement('div');
  body.innerHTML =
    'Hi Sam,<br><br>Line <b>one</b> here.<table><tbody><tr><td>cell a</td></tr><tr><td>cell b</td></tr></tbody></table>' +
    'Best,<br>--<br>Maria Gomez<br>VP Operations | Acme<div class="gmail_quote">On Mon wrote:<blockquote>old<br>--<br>Sam</blockquote></div>';

  it('breaks lines at <br> and blocks, and leaves quoted history out', () => {
    expect(textLines(body, '.gmail_quote')).toEqual(['Hi Sam,', 'Line one here.', 'cell a', 'cell b', 'Best,', '--', 'Maria Gomez', 'VP Operations | Acme']);
  });

  it('reads the same lines from the end, only as many as asked', () => {
    for (const n of [1, 3, 5, 8, 20]) expect(tailLines(body, '.gmail_quote', n)).toEqual(textLines(body, '.gmail_quote').slice(-n));
  });
});
