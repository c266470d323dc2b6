import { SENIORITIES } from '@/lib/process/icp';
import type { Scoring } from '@/lib/process/scoring';
import { inputClass, LinesField } from './fields';

const WEIGHTS = [
  ['fit', 'Fit weight'],
  ['engagement', 'Engagement weight'],
  ['qualification', 'Qualification weight'],
] as const;

/** Score weights and the ideal-customer profile. Saving a change rescores every prospect. */
export function ScoringEditor({ scoring, onChange }: { scoring: Scoring; onChange: (s: Scoring) => void }) {
  const icp = scoring.icp;
  const setIcp = (patch: Partial<Scoring['icp']>) => onChange({ ...scoring, icp: { ...icp, ...patch } });
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-3">
        {WEIGHTS.map(([key, label]) => (
          <label key={key} className="flex items-center gap-1 text-sm">
            {label}
            <input
              type="number"
              min={0}
              max={100}
              value={Number.isFinite(scoring.weights[key]) ? scoring.weights[key] : ''}
              onChange={(e) => onChange({ ...scoring, weights: { ...scoring.weights, [key]: e.target.value === '' ? NaN : Number(e.target.value) } })}
              className={`${inputClass} w-16`}
            />
          </label>
        ))}
      </div>
      <div className="grid grid-cols-2 gap-2">
        <LinesField label="ICP industries" value={icp.industries} onChange={(industries) => setIcp({ industries })} />
        <LinesField label="ICP company sizes" hint='Employee bands such as "51-200" or "1000+".' value={icp.sizes} onChange={(sizes) => setIcp({ sizes })} />
        <LinesField label="ICP titles" hint="Words a matching title contains." value={icp.titles} onChange={(titles) => setIcp({ titles })} />
        <LinesField label="ICP domains" value={icp.domains} onChange={(domains) => setIcp({ domains })} />
      </div>
      <fieldset className="flex flex-wrap gap-3 text-sm">
        <legend className="font-medium">ICP seniority</legend>
        {SENIORITIES.map((s) => (
          <label key={s} className="flex items-center gap-1">
            <input
              type="checkbox"
              checked={icp.seniorities.includes(s)}
              onChange={(e) => setIcp({ seniorities: e.target.checked ? [...icp.seniorities, s] : icp.seniorities.filter((x) => x !== s) })}
            />
            {s}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
