import { browser } from 'wxt/browser';
import { mountPage } from '@/components/pages/mount-page';
import { useProspectsAndSettings } from '@/components/pages/use-prospects';
import { FollowUps } from '@/components/popup/FollowUps';
import { openHome } from '@/lib/background/open-home';

function Popup() {
  const { value, error } = useProspectsAndSettings(5000);
  return (
    <main className="w-80 p-3 font-sans text-sm text-slate-900">
      <h1 className="mb-2 font-bold text-blue-700">Touchline</h1>
      {error && <p role="alert" className="text-red-700">{error}</p>}
      {value && <p>{value.prospects.length} prospects</p>}
      <FollowUps />
      <div className="mt-3 flex gap-2">
        <button type="button" className="rounded bg-blue-600 px-2 py-1 text-white" onClick={() => void openHome()}>
          Open home
        </button>
        <button type="button" className="rounded border border-slate-300 px-2 py-1" onClick={() => void browser.runtime.openOptionsPage()}>
          Settings
        </button>
      </div>
    </main>
  );
}

mountPage(<Popup />);
