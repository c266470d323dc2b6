/**
 * Views other work replaces. Each one is a single entry in routes.tsx, so swapping it in touches one line.
 */
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
