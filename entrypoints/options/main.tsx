import { mountPage } from '@/components/pages/mount-page';
import { SettingsEditor } from '@/components/options/SettingsEditor';
import { CrmConnection } from '@/components/options/CrmConnection';
import { EmailLoggingView } from '@/components/options/EmailLoggingView';
import { LinkedInSettings } from '@/components/options/LinkedInSettings';
import { SiteHealth } from '@/components/options/SiteHealth';
import { useAsync } from '@/components/ui/use-async';
import { send } from '@/lib/messaging/client';

function Options() {
  const settings = useAsync(() => send('settings.get', {}), []);
  return (
    <main className="mx-auto max-w-3xl p-6 font-sans text-slate-900">
      <h1 className="mb-4 text-xl font-bold text-blue-700">Touchline settings</h1>
      {settings.error && <p role="alert" className="text-red-700">{settings.error}</p>}
      {settings.value && <SettingsEditor initial={settings.value} />}
      {settings.value && <CrmConnection stages={settings.value.stages} />}
      {settings.value && <EmailLoggingView settings={settings.value} />}
      {settings.value && <LinkedInSettings initial={settings.value} />}
      <SiteHealth />
    </main>
  );
}

mountPage(<Options />);
