import { useEffect } from 'react';
import { keepDataWorkerWarm } from '@/lib/data/client';
import { send } from '@/lib/messaging/client';
import { useAsync } from '../../ui/use-async';
import { BackupRestore } from './BackupRestore';
import { ExportView } from './ExportView';
import { ErasePerson } from './ErasePerson';
import { ImportWizard } from './ImportWizard';

/** Bring leads in, take everything out, restore it. */
export function DataPage() {
  const { value: settings, error } = useAsync(() => send('settings.get', {}), []);
  // Import, export, backup and restore start on a worker already running (its start was a visible wait).
  useEffect(() => keepDataWorkerWarm(), []);
  return (
    <div className="space-y-8">
      {error && <p role="alert">{error}</p>}
      <ImportWizard />
      {settings && <ExportView stages={settings.stages} />}
      <BackupRestore />
      <ErasePerson />
    </div>
  );
}
