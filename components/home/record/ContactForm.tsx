import { useState, type FormEvent } from 'react';
import { send } from '@/lib/messaging/client';
import type { Prospect } from '@/lib/model';
import { BUTTON, ErrorLine, Section, TextField } from './fields';
import { useAction } from '../../ui/use-action';
import { siteLink } from '@/lib/home/safe-link';

/**
 * How the person is reached: email addresses and LinkedIn profile. These are the keys that find the person
 * on a page, so the background refuses one that belongs to someone else (and names them: merge instead).
 */
export function ContactForm({ prospect }: { prospect: Prospect }) {
  const [emails, setEmails] = useState<string>();
  const [linkedin, setLinkedin] = useState<string>();
  const { error, run } = useAction();
  const dirty = emails !== undefined || linkedin !== undefined;
  const profile = siteLink(prospect.linkedinUrl, 'linkedin-message');
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!dirty) return;
    const list = (emails ?? prospect.emails.join(', ')).split(/[,;\s]+/).filter(Boolean);
    const ok = await run(() => send('prospect.setIdentity', { id: prospect.id, emails: list, linkedinUrl: (linkedin ?? prospect.linkedinUrl ?? '').trim() || undefined }));
    if (ok) {
      setEmails(undefined);
      setLinkedin(undefined);
    }
  };
  return (
    <Section title="Contact">
      <form onSubmit={(e) => void save(e)} aria-label="Contact" className="flex flex-col gap-2">
        <TextField label="Emails" hint="Separated by commas" value={emails ?? prospect.emails.join(', ')} onChange={setEmails} maxLength={4000} />
        <TextField label="LinkedIn profile" type="url" value={linkedin ?? prospect.linkedinUrl ?? ''} onChange={setLinkedin} maxLength={2048} />
        {profile && (
          <a href={profile} target="_blank" rel="noreferrer" className="text-sm text-blue-700 underline dark:text-blue-300">
            Open the LinkedIn profile
          </a>
        )}
        <div>
          <button type="submit" disabled={!dirty} className={BUTTON}>
            Save contact
          </button>
        </div>
        <ErrorLine error={error} />
      </form>
    </Section>
  );
}
