import { mountPage } from '@/components/pages/mount-page';
import { ProspectTable } from '@/components/pages/ProspectTable';
import { useProspectsAndSettings } from '@/components/pages/use-prospects';

function Dashboard() {
  const { value, error } = useProspectsAndSettings(5000);
  return (
    <main className="mx-auto max-w-5xl p-6 font-sans text-slate-900">
      <h1 className="mb-4 text-xl font-bold text-blue-700">Touchline prospects</h1>
      {error && <p role="alert" className="text-red-700">{error}</p>}
      {value && <ProspectTable prospects={value.prospects} stages={value.settings.stages} />}
    </main>
  );
}

mountPage(<Dashboard />);
