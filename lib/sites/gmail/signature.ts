import type { SignatureProposal } from './types';

const PHONE = /(?:^|[\s:])(\+?\d[\d\s().-]{6,}\d)(?:$|\s)/;
const URLISH = /^(?:https?:\/\/|www\.)|^[\w.-]+\.[a-z]{2,}(?:\/\S*)?$|@/i;
const SEPARATOR = /\s*(?:\||\u00b7|\u2022|\u2013|\u2014| - |,)\s*/;
/** Sign-offs end the message text and start the signature block; "--" is the RFC 3676 delimiter. */
const DELIMITER = /^--\s*$|^__+$/;

function nameMatches(line: string, name: string | null): boolean {
  if (!name) return false;
  const l = line.toLowerCase();
  const n = name.toLowerCase().trim();
  if (l === n) return true;
  if (l.length > n.length + 20) return false;
  const words = n.split(/\s+/);
  return words.length > 1 && l.startsWith(words[0]!) && l.includes(words[words.length - 1]!);
}

/**
 * Proposes title, company and phone from the lines of a message body: the lines after the sender's name in
 * the last few lines (or after a "--" delimiter). "VP Operations | Acme Robotics" splits on the separator;
 * a title alone on its line takes the next plain line as company. Only proposes: the rep confirms.
 */
export function parseSignature(lines: string[], email: string, name: string | null): SignatureProposal | null {
  const tail = lines.slice(-12);
  let start = -1;
  let nameUnseen = false;
  for (let i = tail.length - 1; i >= 0; i--) {
    if (nameMatches(tail[i]!, name)) {
      start = i + 1;
      break;
    }
  }
  if (start < 0) {
    const delim = tail.findIndex((l) => DELIMITER.test(l));
    if (delim < 0) return null;
    start = delim + 1;
    if (tail[start] && nameMatches(tail[start]!, name)) start++;
    else nameUnseen = true;
  }
  const block = tail.slice(start, start + 6);
  const proposal: SignatureProposal = { email };
  const plain: string[] = [];
  for (const line of block) {
    const phone = line.match(PHONE)?.[1];
    if (phone && !proposal.phone && phone.replace(/\D/g, '').length >= 7) {
      proposal.phone = phone.trim();
      continue;
    }
    if (URLISH.test(line) || line.length > 80) continue;
    plain.push(line);
  }
  // After "--" a signature starts with the sender's name, however it is written ("M. Gomez").
  if (nameUnseen && plain.length >= 2 && !SEPARATOR.test(plain[0]!)) plain.shift();
  const first = plain[0];
  if (first) {
    const parts = first.split(SEPARATOR).filter(Boolean);
    if (parts.length >= 2) {
      proposal.title = parts[0];
      proposal.company = parts.slice(1).join(', ');
    } else {
      proposal.title = first;
      if (plain[1]) proposal.company = plain[1];
    }
  }
  return proposal.title || proposal.company || proposal.phone ? proposal : null;
}
