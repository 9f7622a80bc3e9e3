// Spreadsheet export from the customer list, as a user does it.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { openApp, createCustomer, countLine } from './helpers.mjs';

/** Export one sheet from the list's Export menu; answers the file's name and bytes. */
async function exportSheet(page, item, toast) {
  await page.locator('summary', { hasText: toast.menu }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: item, exact: true }).click();
  const file = await download;
  await expect(page.getByText(toast.done)).toBeVisible();
  const path = test.info().outputPath(file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(path) };
}

test('export the filtered list to CSV: byte-order mark, headings in the language, the list order, formulas neutralised', async ({ page }) => {
  await openApp(page);
  await createCustomer(page, 'Sunrise Events', () => page.getByLabel('Phone', { exact: true }).fill('+86 21 5555 0101'));
  await createCustomer(page, '=SUM(A1) Trading');
  await createCustomer(page, '华联广告');
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  // The filter leaves out 华联广告; the order is the list's, by name.
  await page.getByLabel('Search').fill('t');
  await expect(countLine(page)).toHaveText('2 of 3 customers');

  const en = await exportSheet(page, 'Customers', { menu: 'Export', done: /Saved dossier-customers-.*\.csv: 2 rows/ });
  expect(en.name).toMatch(/^dossier-customers-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}\.csv$/);
  expect([...en.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = en.bytes.toString('utf8').slice(1).split('\r\n');
  expect(lines[0].startsWith('Customer name,Short name,Kind,Status,')).toBe(true);
  expect(lines[0]).toContain(',Primary contact · Mobile,');
  // The name that starts like a formula is written so a spreadsheet shows it as text.
  expect(lines[1].startsWith('"\'=SUM(A1) Trading",,End customer,Potential,')).toBe(true);
  expect(lines[2].startsWith('Sunrise Events,,End customer,Potential,')).toBe(true);
  expect(lines[2]).toContain(',"\'+86 21 5555 0101",');
  expect(lines.length).toBe(4); // two rows, and the empty line after the last CRLF
  expect(lines[3]).toBe('');

  // In Chinese, the headings and labels are Chinese.
  await page.getByLabel('Language').selectOption('zh-CN');
  const zh = await exportSheet(page, '客户档案', { menu: '导出', done: /已导出 dossier-customers-.*\.csv：2 行/ });
  const zhLines = zh.bytes.toString('utf8').slice(1).split('\r\n');
  expect(zhLines[0].startsWith('客户名称,简称,客户类型,合作状态,')).toBe(true);
  expect(zhLines[2].startsWith('Sunrise Events,,')).toBe(true);

  // The communication log of the same customers: its headings, no entries yet.
  const log = await exportSheet(page, '沟通记录', { menu: '导出', done: /已导出 dossier-log-.*\.csv：0 行/ });
  expect(log.bytes.toString('utf8')).toBe('\ufeff客户名称,日期,员工,方式,内容摘要,下一步\r\n');
});
