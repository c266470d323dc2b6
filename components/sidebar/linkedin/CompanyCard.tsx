import { useState } from 'react';
import { send } from '@/lib/messaging/client';
import type { ResponseOf } from '@/lib/messaging/contract';
import type { DetectedCompany } from '@/lib/sites/types';
import { buttonClass, quietButtonClass, type Run } from './types';

/** A company page: save the company, then attach the prospects who work there to it. */
export function CompanyCard({ company, run }: { company: DetectedCompany; run: Run }) {
  const [saved, setSaved] = useState<ResponseOf<'company.savePage'>>();
  const [attached, setAttached] = useState<number>();
  return (
    <section aria-label={`Company ${company.name}`} className="flex flex-col gap-1 rounded-md border border-slate-200 bg-white p-3 text-xs dark:border-slate-700 dark:bg-slate-900">
      <div className="text-sm font-semibold">{company.name}</div>
      {company.industry && <div className="text-slate-500 dark:text-slate-400">{company.industry}</div>}
      {company.website && <div className="truncate text-slate-500 dark:text-slate-400">{company.website}</div>}
      {!saved ? (
        <button
          type="button"
          className={`${buttonClass} self-start`}
          onClick={() => void run(async () => setSaved(await send('company.savePage', { name: company.name, linkedinUrl: company.linkedinUrl, website: company.website })))}
        >
          Save company
        </button>
      ) : (
        <>
          <p role="status">{saved.created ? 'Company saved.' : 'Company already saved.'}</p>
          {saved.attachable.length > 0 && attached === undefined && (
            <button
              type="button"
              className={`${quietButtonClass} self-start`}
              onClick={() =>
                void run(async () =>
                  setAttached(await send('company.attach', { companyId: saved.company.id, prospectIds: saved.attachable.map((p) => p.id) })),
                )
              }
            >
              Attach {saved.attachable.length} {saved.attachable.length === 1 ? 'prospect' : 'prospects'} ({saved.attachable.map((p) => p.name).join(', ')})
            </button>
          )}
          {attached !== undefined && <p>Attached {attached}.</p>}
        </>
      )}
    </section>
  );
}
