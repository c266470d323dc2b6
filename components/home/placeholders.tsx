import { ProspectTable } from '../pages/ProspectTable';
import { useProspectsAndSettings } from '../pages/use-prospects';

/**
 * Views other work replaces: the list view (until it lands, the flat table the dashboard used to be) and the
 * prospect record. Each one is a single entry in routes.tsx, so swapping it in touches one line.
 */
export function ListPlaceholder() {
  const { value, error } = useProspectsAndSettings(5000);
  return (
    <>
      {error && <p role="alert" className="text-red-700">{error}</p>}
      {value && <ProspectTable prospects={value.prospects} stages={value.settings.stages} />}
    </>
  );
}

export function RecordPlaceholder({ params }: { params: Record<string, string> }) {
  return <p className="text-sm text-slate-500">The record of prospect {params.id} opens here.</p>;
}

export function BoardPlaceholder() {
  return (
    <p className="text-sm text-slate-500">
      The pipeline board opens here. Meanwhile the <a href="#/list" className="underline">list</a> shows every prospect.
    </p>
  );
}
