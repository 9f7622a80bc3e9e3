// Importing customers from a spreadsheet written by a Chinese Excel, as a user does it.
import { test, expect } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp, createCustomer, countLine } from './helpers.mjs';

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'customers-gb18030.csv');

test('import a GB18030 CSV with Chinese headings: mapping, preview with reasons and duplicates, all at once', async ({ page }) => {
  await openApp(page);
  await createCustomer(page, '华联广告有限公司');
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('link', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Import customers from a spreadsheet' })).toBeVisible();
  await page.getByLabel('Spreadsheet file (CSV)').setInputFiles(fixture);

  // The file is not UTF-8: read as GB18030, its Chinese headings map themselves.
  await expect(page.getByLabel('Encoding')).toHaveValue('gb18030');
  await expect(page.getByLabel('序号', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('客户名称', { exact: true })).toHaveValue('customer.name');
  await expect(page.getByLabel('客户类型', { exact: true })).toHaveValue('customer.kind');
  await expect(page.getByLabel('状态', { exact: true })).toHaveValue('customer.status');
  await expect(page.getByLabel('手机', { exact: true })).toHaveValue('contact.mobile');
  await expect(page.locator('.mapping-table')).toContainText('华联广告有限公司');

  // Read as UTF-8 instead, the file is refused with the reason; back to GB18030 it reads again.
  await page.getByLabel('Encoding').selectOption('utf-8');
  await expect(page.getByRole('alert')).toHaveText('The file is not valid UTF-8 text: choose another encoding.');
  await page.getByLabel('Encoding').selectOption('gb18030');
  await expect(page.getByLabel('客户名称', { exact: true })).toHaveValue('customer.name');

  // Every row and its outcome.
  const summary = page.locator('.summary-line');
  await expect(summary).toHaveText('1 new, 0 to update, 2 skipped, 2 cannot be imported');
  const row = (n) => page.locator('.preview-table tbody tr').nth(n);
  await expect(row(0)).toContainText('Already in the archive: 华联广告有限公司');
  await expect(row(1)).toContainText('New customer');
  await expect(row(1)).toContainText('王芳 13900139000');
  await expect(row(2)).toContainText('Cannot be imported');
  await expect(row(2)).toContainText('Phone: Not a phone number');
  await expect(row(3)).toContainText('Same as row 3');
  // A blank line is passed over, and rows keep the numbers the spreadsheet shows.
  await expect(row(3).locator('td').first()).toHaveText('6');
  await expect(row(4)).toContainText('Status: Not one of the allowed values.');

  // Without the name's column nothing can be read.
  await page.getByLabel('客户名称', { exact: true }).selectOption('');
  await expect(page.getByText('Choose the column that holds the customer name.')).toBeVisible();
  await page.getByLabel('客户名称', { exact: true }).selectOption('customer.name');

  // The repeat of the archive's customer updates it instead.
  await page.getByLabel('Row 2', { exact: true }).selectOption('update');
  await expect(summary).toHaveText('1 new, 1 to update, 1 skipped, 2 cannot be imported');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('Imported from customers-gb18030.csv: 1 new, 1 updated.')).toBeVisible();
  await expect(countLine(page)).toHaveText('2 of 2 customers');

  // Each record's history says where it came from.
  await page.getByRole('row', { name: /星光会展/ }).click();
  await expect(page.getByText('北京市朝阳区, 三里屯')).toBeVisible();
  await page.getByRole('tab', { name: /History/ }).click();
  await expect(page.locator('.history-entry').filter({ hasText: 'Imported' }).first()).toContainText('customers-gb18030.csv');
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('row', { name: /华联广告有限公司/ }).click();
  await expect(page.locator('.customer-page').getByText('021-5555-0101')).toBeVisible();
  await page.getByRole('tab', { name: /History/ }).click();
  const update = page.locator('.history-entry').filter({ hasText: 'customers-gb18030.csv' });
  await expect(update).toContainText('Changed');
  await expect(update.getByRole('row', { name: /Status/ })).toContainText('Active');

  // The archive survives a reload with the imported customers.
  await page.reload();
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await expect(countLine(page)).toHaveText('2 of 2 customers');
});
