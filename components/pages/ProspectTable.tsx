import type { Prospect } from '@/lib/model';
import type { Stage } from '@/lib/process/stage';
import { formatDate } from '../ui/format';

interface Props {
  prospects: Prospect[];
  stages: Stage[];
}

export function ProspectTable({ prospects, stages }: Props) {
  const stageName = (id: string) => stages.find((s) => s.id === id)?.name ?? id;
  if (prospects.length === 0) {
    return <p className="text-sm text-slate-500">No prospects yet. Open a Gmail thread or a LinkedIn profile and add someone from the sidebar.</p>;
  }
  return (
    <table className="w-full border-collapse text-left text-sm" aria-label="Prospects">
      <thead>
        <tr className="border-b border-slate-300 text-xs uppercase text-slate-500">
          <th className="py-1 pr-2">Name</th>
          <th className="py-1 pr-2">Email / LinkedIn</th>
          <th className="py-1 pr-2">Company</th>
          <th className="py-1 pr-2">Stage</th>
          <th className="py-1 pr-2">Updated</th>
        </tr>
      </thead>
      <tbody>
        {prospects.map((p) => (
          <tr key={p.id} className="border-b border-slate-100">
            <td className="py-1 pr-2 font-medium">{p.name}</td>
            <td className="py-1 pr-2 text-slate-600">{p.emails[0] ?? p.linkedinUrl ?? ''}</td>
            <td className="py-1 pr-2">{p.company ?? ''}</td>
            <td className="py-1 pr-2">{stageName(p.stageId)}</td>
            <td className="py-1 pr-2 text-slate-500">{formatDate(p.updatedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
