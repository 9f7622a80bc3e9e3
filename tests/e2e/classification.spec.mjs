// Classification by nature: the agency's own lists in Settings; a rename or a
// removal moves the customers that have the value, with history.
import { test, expect } from '@playwright/test';
import { openApp, createCustomer } from './helpers.mjs';

const recordValue = (page, label) => page.locator('.kv').filter({ has: page.getByText(label, { exact: true }) }).locator('dd');

async function openCustomer(page, name) {
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('row', { name: new RegExp(name) }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('rename and remove list values in Settings; the customers follow, with history; the lists persist', async ({ page }) => {
  await openApp(page);
  await createCustomer(page, 'Able Motors', async () => {
    await page.getByLabel('Industry').selectOption('Automotive');
    await page.getByLabel('Customer type').selectOption('Advertiser');
  });
  await createCustomer(page, 'Baker Cars', async () => {
    await page.getByLabel('Industry').selectOption('Automotive');
  });
  await createCustomer(page, 'Charlie Mart', async () => {
    await page.getByLabel('Industry').selectOption('Retail');
  });
  await expect(recordValue(page, 'Industry')).toHaveText('Retail');

  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  const panel = page.getByRole('region', { name: 'Classification lists' });
  const values = panel.getByRole('table', { name: 'Industry' });
  const row = (v) => values.getByRole('row').filter({ has: page.getByRole('cell', { name: v, exact: true }) });
  await expect(row('Automotive')).toContainText('2 customers');
  await expect(row('Retail')).toContainText('1 customers');

  // Rename: both customers follow.
  await row('Automotive').getByRole('button', { name: 'Rename' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('New name').fill('Automotive and mobility');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByText('Renamed to “Automotive and mobility”; 2 customers updated.')).toBeVisible();
  await expect(row('Automotive and mobility')).toContainText('2 customers');
  await expect(row('Automotive')).toHaveCount(0);

  // A clash is refused in the dialog, and nothing changes.
  await row('Retail').getByRole('button', { name: 'Rename' }).click();
  await dialog.getByLabel('New name').fill('automotive AND mobility');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('The list has this value already.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(row('Retail')).toContainText('1 customers');
  await expect(row('Automotive and mobility')).toContainText('2 customers');

  // Remove a value in use: asked where its customers go; by default they keep it.
  await row('Retail').getByRole('button', { name: 'Remove' }).click();
  await expect(dialog).toContainText('1 customers have this value.');
  await expect(dialog.getByLabel('Move them to')).toHaveValue('');
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByText('“Retail” removed; 0 customers moved.')).toBeVisible();
  await expect(row('Retail')).toHaveCount(0);
  const unlisted = panel.getByRole('table', { name: 'In use but not on the list' });
  const kept = unlisted.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Retail', exact: true }) });
  await expect(kept).toContainText('1 customers');
  // Moving them needs a choice; then they go.
  await kept.getByRole('button', { name: 'Move customers…' }).click();
  await dialog.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Choose where these customers go.');
  await dialog.getByLabel('Move them to').selectOption('Automotive and mobility');
  await dialog.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(page.getByText('1 customers moved from “Retail”.')).toBeVisible();
  await expect(unlisted).toHaveCount(0);
  await expect(row('Automotive and mobility')).toContainText('3 customers');

  // Add a value; a duplicate is refused beside the field.
  await panel.getByLabel('Add value').fill('  Shipping  ');
  await panel.getByRole('button', { name: 'Add value' }).click();
  await expect(row('Shipping')).toContainText('0 customers');
  await panel.getByLabel('Add value').fill('shipping');
  await panel.getByRole('button', { name: 'Add value' }).click();
  await expect(panel.getByRole('alert')).toHaveText('The list has this value already.');

  // Each customer moved, with the reason in its history.
  await openCustomer(page, 'Charlie Mart');
  await expect(recordValue(page, 'Industry')).toHaveText('Automotive and mobility');
  await page.getByRole('tab', { name: /History/ }).click();
  await expect(page.locator('.history-entry').filter({ hasText: 'Moved in Settings from “Retail”' })).toContainText('Automotive and mobility');
  await openCustomer(page, 'Able Motors');
  await expect(recordValue(page, 'Industry')).toHaveText('Automotive and mobility');
  await expect(recordValue(page, 'Customer type')).toHaveText('Advertiser');
  await page.getByRole('tab', { name: /History/ }).click();
  await expect(page.locator('.history-entry').filter({ hasText: 'Renamed in Settings: “Automotive” → “Automotive and mobility”' })).toBeVisible();

  // The form offers the list as it is now, after a reload too.
  await page.reload();
  await page.getByRole('link', { name: 'Edit' }).click();
  const industry = page.getByLabel('Industry');
  await expect(industry).toHaveValue('Automotive and mobility');
  await expect(industry.locator('option', { hasText: 'Shipping' })).toHaveCount(1);
  await expect(industry.locator('option', { hasText: 'Retail' })).toHaveCount(0);
});

test('values customers have that are on no list are kept and shown; they can be added to the list or moved', async ({ page }) => {
  await openApp(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Open the demo archive' }).click();
  await expect(page.locator('.page-head .count')).toHaveText('200 of 200 customers');
  // The demo's customers are classified in Chinese; the lists here are English.
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  const panel = page.getByRole('region', { name: 'Classification lists' });
  const listed = panel.getByRole('table', { name: 'Industry' });
  const unlisted = panel.getByRole('table', { name: 'In use but not on the list' });
  const row = (table, v) => table.getByRole('row').filter({ has: page.getByRole('cell', { name: v, exact: true }) });
  await expect(row(unlisted, '广告传媒')).toContainText(/\d+ customers/);
  const media = (await row(unlisted, '广告传媒').innerText()).match(/(\d+) customers/)[1];
  const schools = (await row(unlisted, '教育培训').innerText()).match(/(\d+) customers/)[1];

  // Added to the list as it is: its customers keep it.
  await row(unlisted, '广告传媒').getByRole('button', { name: 'Add to list' }).click();
  await expect(row(listed, '广告传媒')).toContainText(`${media} customers`);
  await expect(row(unlisted, '广告传媒')).toHaveCount(0);

  // Its customers moved to a value on the list.
  await row(unlisted, '教育培训').getByRole('button', { name: 'Move customers…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Move the customers of “教育培训”' });
  await expect(dialog).toContainText(`${schools} customers have this value.`);
  await dialog.getByLabel('Move them to').selectOption('Education and training');
  await dialog.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(page.getByText(`${schools} customers moved from “教育培训”.`)).toBeVisible();
  await expect(row(unlisted, '教育培训')).toHaveCount(0);
  await expect(row(listed, 'Education and training')).toContainText(`${schools} customers`);

  // The form keeps a customer's value that is on no list, selected.
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await page.locator('.row').first().click();
  const industry = await page.locator('.kv').filter({ has: page.getByText('Industry', { exact: true }) }).locator('dd').innerText();
  expect(industry).not.toBe('—');
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByLabel('Industry')).toHaveValue(industry);
});
