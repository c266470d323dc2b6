import { defineConfig } from 'wxt';
import tailwindcss from '@tailwindcss/vite';
import { HOST_MATCHES } from './lib/hosts';

// The manifest asks only for what the product uses: storage for settings and host access to Gmail and
// LinkedIn. CRM hosts are optional permissions requested when a user connects that CRM.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [tailwindcss()] }),
  manifest: {
    name: 'Touchline',
    description: 'A CRM sidebar for Gmail and LinkedIn: qualify prospects and log every touch without leaving the page.',
    // alarms + notifications: follow-up reminders that survive the service worker and the browser stopping.
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: [...HOST_MATCHES],
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+T' },
        description: 'Open or close the Touchline sidebar',
      },
    },
  },
});
