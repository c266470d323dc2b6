import { useEffect, useState } from 'react';
import type { Settings } from '@/lib/settings/settings';
import { loadSettings, settingsItem } from '@/lib/settings/settings-store';

/** The team's settings, followed live (the options page saving new stages redraws the record). */
export function useSettingsLive(): { settings?: Settings; error?: string } {
  const [state, setState] = useState<{ settings?: Settings; error?: string }>({});
  useEffect(() => {
    let live = true;
    const load = () =>
      loadSettings().then(
        (settings) => live && setState({ settings }),
        (err: Error) => live && setState({ error: `Settings could not be read: ${err.message}` }),
      );
    void load();
    const unwatch = settingsItem().watch(() => void load());
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return state;
}
