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
  await (await fetched).finished();
  // Asked for only once the whole list was in, not before the first rows.
  const [listIn, asked] = await page.evaluate(() => [
    performance.getEntriesByName('dossier:list-complete')[0]?.startTime,
    performance.getEntriesByType('resource').find((e) => e.name.endsWith('/split_pages.wasm'))?.startTime,
  ]);
  expect(listIn).toBeGreaterThan(0);
  expect(asked).toBeGreaterThanOrEqual(listIn);
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

  // Back on the same page, "Try again" fetches it again.
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('alert')).toContainText('This page could not be loaded');
  await page.unroute(pagesFile);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
