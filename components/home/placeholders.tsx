/**
 * Views other work replaces. Each one is a single entry in routes.tsx, so swapping it in touches one line.
 */
export function RecordPlaceholder({ params }: { params: Record<string, string> }) {
  return <p className="text-sm text-slate-500">The record of prospect {params.id} opens here.</p>;
}
