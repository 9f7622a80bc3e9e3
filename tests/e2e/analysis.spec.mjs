// The composition dashboard: key accounts on the Pareto chart, the splits, a table to CSV.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { openApp, createCustomer } from './helpers.mjs';

const daysAgo = (n) => new Date(Date.now() - n * 864e5).toISOString().slice(0, 10);

async function sale(page, amount, product, date) {
  await page.getByRole('tab', { name: /Transactions/ }).click();
  await page.getByRole('button', { name: 'Add transaction' }).click();
  await page.getByLabel('Transaction date').fill(date);
  await page.getByLabel('Product or service').fill(product);
  await page.getByLabel('Amount').fill(amount);
  await page.getByRole('button', { name: 'Save transaction' }).click();
  await expect(page.getByRole('cell', { name: product }).first()).toBeVisible();
}

test('the Pareto chart lists the fewest customers bringing 80% of sales; each table exports to CSV', async ({ page }) => {
  await openApp(page);
  // 1,000,000 in all: 600,000 + 300,000 is the first 80%.
  for (const [name, amount, product, region] of [
    ['Able 传媒', '600000', '年度广告代理', 'East China'],
    ['Baker 会展', '300000', '展会设计搭建', 'East China'],
    ['Charlie 印刷', '60000', '年度广告代理', 'North China'],
    ['Delta 数字', '40000', '社交媒体代运营', 'South China'],
  ]) {
    await createCustomer(page, name, async () => {
      await page.getByLabel('Region').selectOption(region);
    });
    await sale(page, amount, product, daysAgo(40));
  }
  // A sale from two years ago lies outside the last 12 months.
  await sale(page, '5000000', '旧项目', daysAgo(800));

  await page.getByRole('navigation').getByRole('link', { name: 'Analysis' }).click();
  const figure = (label) => page.locator('.figure').filter({ hasText: label }).locator('dd');
  await expect(figure('Sales')).toHaveText('1,000,000');
  await expect(figure('Transactions')).toHaveText('4');
  await expect(figure('Key accounts')).toHaveText('2');
  const keys = page.getByRole('region', { name: 'Key accounts (80/20)' });
  await expect(keys.getByText('2 of 4 customers with sales')).toBeVisible();
  await expect(keys.locator('tbody tr')).toHaveCount(2);
  await expect(keys.locator('tbody tr').nth(0)).toContainText('Able 传媒');
  await expect(keys.locator('tbody tr').nth(0)).toContainText('60%');
  await expect(keys.locator('tbody tr').nth(1)).toContainText('Baker 会展');
  await expect(keys.locator('tbody tr').nth(1)).toContainText('90%');
  await expect(keys.locator('svg.pareto rect.strong')).toHaveCount(2);

  const byRegion = page.getByRole('region', { name: 'Sales by region' });
  await expect(byRegion.locator('tbody tr').nth(0)).toHaveText(/East China\s*900,000\s*90%/);
  const byProduct = page.getByRole('region', { name: 'Sales by product or service' });
  await expect(byProduct.locator('tbody tr').nth(0)).toContainText('年度广告代理');
  await expect(byProduct.locator('tbody tr').nth(0)).toContainText('660,000');

  // The same key accounts filter the customer list (over the grading period, the last 12 months).
  await keys.getByRole('link', { name: 'Customers' }).click();
  await page.getByLabel('Key accounts').selectOption('key');
  await expect(page.locator('.page-head .count')).toHaveText('2 of 4 customers');
  await expect(page.locator('.row .primary-text')).toHaveText(['Able 传媒', 'Baker 会展']);
  await page.getByLabel('Key accounts').selectOption('');
  await expect(page.locator('.page-head .count')).toHaveText('4 of 4 customers');
  await page.getByRole('navigation').getByRole('link', { name: 'Analysis' }).click();

  // The period reaches back two years: the old sale counts, and Delta leads the key accounts.
  await page.getByLabel('From').fill(daysAgo(900));
  await expect(figure('Sales')).toHaveText('6,000,000');
  await expect(keys.locator('tbody tr').nth(0)).toContainText('Delta 数字');

  // A table to CSV: headings in the language, the rows as shown.
  const download = page.waitForEvent('download');
  await byRegion.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^dossier-sales-by-region-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}-CNY\.csv$/);
  const text = fs.readFileSync(await file.path(), 'utf8').replace(/^\uFEFF/, '');
  expect(text.split(/\r?\n/).slice(0, 3)).toEqual(['Region,Sales (CNY),Share', 'South China,"5,040,000",84%', 'East China,"900,000",15%']);

  // A new sale changes the key accounts: the list, still filtered by them, follows.
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await page.getByLabel('Key accounts').selectOption('key');
  await expect(page.locator('.row .primary-text')).toHaveText(['Able 传媒', 'Baker 会展']);
  await page.getByRole('row', { name: /Able 传媒/ }).click();
  await sale(page, '10000000', '品牌全案', daysAgo(5));
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await expect(page.getByLabel('Key accounts')).toHaveValue('key');
  await expect(page.locator('.page-head .count')).toHaveText('1 of 4 customers');
  await expect(page.locator('.row .primary-text')).toHaveText(['Able 传媒']);
});

test('amounts in different currencies are never added up: one currency at a time', async ({ page }) => {
  await openApp(page);
  const figure = (label) => page.locator('.figure').filter({ hasText: label }).locator('dd');
  for (const [name, amount, currency] of [['Echo 广告', '300000', 'CNY'], ['Foxtrot 公关', '200000', 'CNY'], ['Golf Media', '50000', 'USD']]) {
    await createCustomer(page, name, async () => {
      await page.getByLabel('Currency').selectOption(currency);
    });
    await sale(page, amount, '年度广告代理', daysAgo(10));
  }
  await page.getByRole('navigation').getByRole('link', { name: 'Analysis' }).click();
  // Most customers trade in CNY: that is what shows first.
  await expect(page.getByLabel('Currency')).toHaveValue('CNY');
  await expect(figure('Sales')).toHaveText('500,000');
  await expect(figure('Customers')).toHaveText('3');
  await expect(page.getByText('Amounts are in CNY;')).toBeVisible();
  await page.getByLabel('Currency').selectOption('USD');
  await expect(figure('Sales')).toHaveText('50,000');
  await expect(figure('Key accounts')).toHaveText('1');
  await expect(page.getByText('Amounts are in USD;')).toBeVisible();
});
