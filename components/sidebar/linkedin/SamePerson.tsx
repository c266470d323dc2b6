import { send } from '@/lib/messaging/client';
import type { Prospect } from '@/lib/model';
import type { DetectedPerson } from '@/lib/sites/types';
import { useAsync } from '../../ui/use-async';
import { buttonClass, type Run } from './types';

interface Props {
  person: DetectedPerson;
  prospect: Prospect;
  run: Run;
  onMerged: (mergeId: string, name: string) => void;
}

const REASONS = { email: 'an email on this page', 'name-company': 'same name and company' } as const;

/**
 * "One person, two identities": another prospect with an email on this page, or the same name at the same
 * company. Merging keeps the older record (its history stays first) and every touch of both.
 */
export function SamePerson({ person, prospect, run, onMerged }: Props) {
  const candidates = useAsync(
    () =>
      send('prospect.samePerson', {
        person: { name: prospect.name, company: prospect.company ?? person.company, emails: person.emails, linkedinUrl: prospect.linkedinUrl },
        excludeId: prospect.id,
      }),
    [prospect.id, prospect.updatedAt, person.emails.join(',')],
  );
  if (!candidates.value?.length) return null;
  return (
    <section aria-label="Same person" className="flex flex-col gap-1 rounded-md border border-amber-300 bg-amber-50 p-2 text-xs dark:border-amber-700 dark:bg-amber-950">
      {candidates.value.map(({ prospect: other, reason }) => {
        const [keep, merge] = other.createdAt <= prospect.createdAt ? [other, prospect] : [prospect, other];
        return (
          <div key={other.id} className="flex flex-col gap-1">
            <p>
              Same person as <strong>{other.name}</strong>
              {other.emails[0] && <> ({other.emails[0]})</>}? Found by {REASONS[reason]}.
            </p>
            <button
              type="button"
              className={`${buttonClass} self-start`}
              aria-label={`Merge with ${other.name}`}
              onClick={() =>
                void run(async () => {
                  const result = await send('prospect.merge', { keepId: keep.id, mergeId: merge.id });
                  onMerged(result.mergeId, result.prospect.name);
                })
              }
            >
              Merge into one prospect
            </button>
          </div>
        );
      })}
    </section>
  );
}
