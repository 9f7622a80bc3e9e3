// Paper copies (两套制): a customer's archive card and the filtered list, as the printer gets them.
import { test, expect } from '@playwright/test';
import { openApp, createCustomer } from './helpers.mjs';

test("the archive card prints the kind's fields with the contacts, and nothing of the screen", async ({ page }) => {
  await openApp(page);
  await createCustomer(page, '华联广告有限公司', async () => {
    await page.getByLabel('Kind', { exact: true }).selectOption('dealer');
    await page.getByLabel('Brands carried').fill('天马, 星河');
  });
  const card = page.locator('.archive-card');
  // On screen there is no card; it is drawn for the printer (Print card or Ctrl+P) and taken away after.
  await expect(card).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Print card' })).toBeVisible();
  await page.evaluate(() => { window.print = () => { window.dispatchEvent(new Event('beforeprint')); }; });
  await page.getByRole('button', { name: 'Print card' }).click();
  await page.emulateMedia({ media: 'print' });
  await expect(card).toBeVisible();
  await expect(page.getByRole('navigation')).toBeHidden();
  await expect(card.getByRole('heading', { level: 1 })).toHaveText('Dealer archive card');
  await expect(card.getByRole('heading', { level: 2 })).toHaveText('华联广告有限公司');
  await expect(card.getByRole('row', { name: /Brands carried/ })).toContainText('天马, 星河');
  // The end customer's fields are not on a dealer's card; empty fields are there to fill in by hand.
  await expect(card.getByRole('row', { name: /Needs and use/ })).toHaveCount(0);
  await expect(card.getByRole('row', { name: /Legal representative/ })).toBeVisible();
  await expect(card.locator('.printed')).toContainText('Printed');

  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  await expect(card).toHaveCount(0);
  await expect(page.getByRole('navigation')).toBeVisible();

  // In Chinese, the card's title is the seeds' own.
  await page.getByLabel('Language').selectOption('zh-CN');
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(card.getByRole('heading', { level: 1 })).toHaveText('经销商客户档案卡');
});

test('the filtered list prints as a table in its order', async ({ page }) => {
  await openApp(page);
  await createCustomer(page, 'Sunrise Events');
  await createCustomer(page, 'Harbour Trading');
  await createCustomer(page, '华联广告');
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await page.getByLabel('Search').fill('r');
  // The print dialog is the browser's (here only its beforeprint event); the table is drawn for it and taken away after.
  await page.evaluate(() => { window.print = () => window.dispatchEvent(new Event('beforeprint')); });
  await page.getByRole('button', { name: 'Print list' }).click();
  await expect(page.locator('.print-list')).toHaveCount(1);
  const printed = await page.locator('.print-list').innerText();
  expect(printed).toContain('2 of 2 customers');
  expect(printed.indexOf('Harbour Trading')).toBeGreaterThan(-1);
  expect(printed.indexOf('Harbour Trading')).toBeLessThan(printed.indexOf('Sunrise Events'));
  expect(printed).not.toContain('华联广告');
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(page.locator('.print-list')).toHaveCount(0);
});
