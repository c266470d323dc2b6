import type { Page } from '@playwright/test';
import type { launchWithGrantedHosts } from '../support/grant-hosts';
import { serveSite } from '../support/launch';

/** Serves the Gmail thread and opens the options page on its CRM section, Webhook chosen with `url` filled in. */
export async function webhookForm(ext: Awaited<ReturnType<typeof launchWithGrantedHosts>>, url: string): Promise<{ optionsPage: Page; options: ReturnType<Page['getByRole']> }> {
  await serveSite(ext.context, 'https://mail.google.com', { '/mail/': 'gmail/thread-2025-03.html' });
  const optionsPage = await ext.context.newPage();
  await optionsPage.goto(`chrome-extension://${ext.extensionId}/options.html`);
  // The CRM section of the options page (other sections have status lines of their own).
  const options = optionsPage.getByRole('region', { name: 'CRM sync' });
  await options.getByRole('combobox', { name: 'CRM' }).selectOption({ label: 'Webhook' });
  await options.getByRole('textbox', { name: 'Webhook URL' }).fill(url);
  return { optionsPage, options };
}
