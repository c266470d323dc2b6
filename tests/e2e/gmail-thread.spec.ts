import { GMAIL_THREAD_URL, serveSite } from '../support/launch';
import { expect, sidebar, test } from './fixtures';
import { allTouches } from './gmail-support';

test.describe('Gmail thread: people, signature, logging, stage and next step', () => {
  test.beforeEach(async ({ ext }) => {
    await serveSite(ext.context, 'https://mail.google.com', { '/mail/': 'gmail/thread-2025-03.html' });
  });

  test('adds a person with the signature details the rep confirms, logs a message once, and edits by keyboard', async ({ ext }) => {
    const page = await ext.context.newPage();
    await page.goto(GMAIL_THREAD_URL);
    const panel = sidebar(page);
    const maria = panel.getByRole('listitem', { name: 'Maria Gomez', exact: true });

    // The signature is only a proposal: nothing is saved until the rep presses the button.
    const signature = maria.getByRole('region', { name: 'Signature of Maria Gomez' });
    await expect(signature).toContainText('VP Operations');
    await expect(signature).toContainText('+1 415 555 0142');
    await maria.getByRole('button', { name: 'Add with signature details' }).click();
    await expect(maria.getByRole('combobox', { name: 'Stage' })).toHaveValue('prospecting');
    await expect(maria).toContainText('VP Operations \u00b7 Acme Robotics');
    await expect(maria.getByRole('region', { name: /Signature of/ })).toHaveCount(0);

    // Messages: Maria's inbound message and Sam's reply to her both touch Maria.
    const messages = panel.getByRole('region', { name: 'Messages in this thread' });
    await expect(messages.getByRole('listitem')).toHaveCount(2);
    const logFirst = messages.getByRole('button', { name: /^Log email from Maria Gomez/ });
    await logFirst.click();
    await expect(messages.getByRole('status')).toHaveText('Logged 1 email touch.');
    await expect(maria.getByRole('list', { name: 'Recent touches' }).getByRole('listitem')).toHaveCount(1);
    await logFirst.click();
    await expect(messages.getByRole('status')).toHaveText('Already logged.');
    await expect(maria.getByRole('list', { name: 'Recent touches' }).getByRole('listitem')).toHaveCount(1);
    let touches = await allTouches(ext);
    expect(touches).toHaveLength(1);
    expect(touches[0]).toMatchObject({ channel: 'email', direction: 'inbound', subject: 'Pricing for 40 seats' });
    expect(touches[0]!.summary).toBeUndefined();

    // Stage and next step by keyboard only.
    await maria.getByRole('combobox', { name: 'Stage' }).focus();
    await page.keyboard.press('ArrowDown');
    // An unmet exit criterion asks for a reason (issue 5); the dialog takes focus, Ctrl+Enter moves.
    await expect(maria.getByRole('dialog', { name: 'Move to Qualification' }).getByLabel('Reason for moving on')).toBeFocused();
    await page.keyboard.type('Asked for pricing');
    await page.keyboard.press('Control+Enter');
    await expect(maria.getByRole('combobox', { name: 'Stage' })).toHaveValue('qualification');
    await maria.getByRole('textbox', { name: 'Next step' }).focus();
    await page.keyboard.type('Send security pack');
    await page.keyboard.press('Enter');
    await expect(maria.getByRole('button', { name: 'Save next step' })).toBeDisabled();

    await page.reload();
    const again = sidebar(page).getByRole('listitem', { name: 'Maria Gomez', exact: true });
    await expect(again.getByRole('combobox', { name: 'Stage' })).toHaveValue('qualification');
    await expect(again.getByRole('textbox', { name: 'Next step' })).toHaveValue('Send security pack');
    await expect(sidebar(page).getByText('Logged')).toHaveCount(1);
    touches = await allTouches(ext);
    expect(touches).toHaveLength(1);
  });

  test('one key adds a person: the Add button is reachable and works with Enter', async ({ ext }) => {
    const page = await ext.context.newPage();
    await page.goto(GMAIL_THREAD_URL);
    const add = sidebar(page).getByRole('button', { name: 'Add Li Wei' });
    await add.focus();
    await page.keyboard.press('Enter');
    const li = sidebar(page).getByRole('listitem', { name: 'Li Wei', exact: true });
    await expect(li.getByRole('combobox', { name: 'Stage' })).toBeVisible();
    await expect(li).toContainText('Acme Robotics');
  });
});
