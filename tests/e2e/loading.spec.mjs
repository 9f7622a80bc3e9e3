// The release build fetches the pages behind the customer list (forms,
// import, backup, settings…) as a file of their own once the list is in
// (src/ui/app/pages.rs). A user must not notice, except when the site is out
// of reach before that file came.
import { test, expect } from '@playwright/test';
import { openApp, createCustomer, countLine } from './helpers.mjs';

const pagesFile = '**/split_pages.wasm';

test('once the list is in, every page opens even with the network gone', async ({ page, context }) => {
  const fetched = page.waitForResponse((r) => r.url().endsWith('/split_pages.wasm') && r.ok());
  await openApp(page);
  await expect(countLine(page)).toHaveText('0 of 0 customers');
  await fetched;
  await context.setOffline(true);

  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Staff' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Staff' })).toBeVisible();
  await createCustomer(page, '离线广告有限公司');
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await expect(countLine(page)).toHaveText('1 of 1 customers');
});

test('a page whose file cannot be fetched says so, and opens once the site is back', async ({ page }) => {
  await page.route(pagesFile, (route) => route.abort('internetdisconnected'));
  await openApp(page);
  await expect(countLine(page)).toHaveText('0 of 0 customers');

  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('alert')).toContainText('This page could not be loaded');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toHaveCount(0);
  // The rest of the app goes on working.
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await expect(countLine(page)).toHaveText('0 of 0 customers');

  await page.unroute(pagesFile);
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
