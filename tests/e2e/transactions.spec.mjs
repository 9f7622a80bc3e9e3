// Transactions (交易资料) and receivables, as the agency's accounts person keeps them.
import { test, expect } from '@playwright/test';
import { openApp, createCustomer, countLine } from './helpers.mjs';

/** The date `days` before today (after, when negative), as YYYY-MM-DD. */
const daysAgo = (days) => {
  const d = new Date();
  d.setDate(d.getDate() - days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
/** The last day of this month, as YYYY-MM-DD. */
const monthEnd = () => {
  const d = new Date();
  const last = new Date(d.getFullYear(), d.getMonth() + 1, 0);
  return daysAgo(Math.round((d.setHours(0, 0, 0, 0) - last.getTime()) / 864e5));
};

test('receivables: an overdue deal, one due by month end, the credit warning, a payment clears it, and removal needs a reason', async ({ page }) => {
  await openApp(page);
  await createCustomer(page, '云帆传媒');
  await page.getByRole('tab', { name: /Transactions/ }).click();
  await expect(page.getByText('No transactions yet.')).toBeVisible();
  const figure = (label) => page.locator('.figure').filter({ hasText: label }).locator('dd');

  // Sixty days ago, no due date: due after the 30-day term, so 30 days overdue.
  await page.getByRole('button', { name: 'Add transaction' }).click();
  await page.getByLabel('Transaction date').fill(daysAgo(60));
  await page.getByLabel('Contract no.').fill('HT-2026-031');
  await page.getByLabel('Product or service').fill('年度广告代理');
  await page.getByLabel('Cooperation mode').fill('年度代理');
  await page.getByLabel('Amount').fill('12.5万');
  await page.getByRole('button', { name: 'Save transaction' }).click();
  const first = page.getByRole('row', { name: /HT-2026-031/ });
  await expect(first).toContainText('年度广告代理');
  await expect(first.getByRole('cell').nth(5)).toHaveText('125,000');
  await expect(first).toContainText('30 days overdue');
  await expect(figure('Overdue')).toContainText('125,000 CNY');
  await expect(figure('Overdue')).toContainText('longest 30 days');

  // Bad input is named beside its field, and what was typed stays.
  await page.getByRole('button', { name: 'Add transaction' }).click();
  await page.getByLabel('Product or service').fill('展会搭建');
  await page.getByLabel('Amount').fill('-8000');
  await page.getByLabel('Paid', { exact: true }).fill('100');
  await page.getByLabel('Paid on').fill(daysAgo(-3));
  await page.getByRole('button', { name: 'Save transaction' }).click();
  await expect(page.getByText('Cannot be negative.')).toBeVisible();
  await expect(page.getByText('This date cannot lie in the future.')).toBeVisible();
  await expect(page.getByLabel('Product or service')).toHaveValue('展会搭建');
  // Due at the end of this month: warned, not overdue.
  await page.getByLabel('Amount').fill('8000');
  await page.getByLabel('Paid', { exact: true }).fill('');
  await page.getByLabel('Paid on').fill('');
  await page.getByLabel('Due date').fill(monthEnd());
  await page.getByRole('button', { name: 'Save transaction' }).click();
  await expect(page.getByRole('row', { name: /展会搭建/ })).toContainText('Due this month');
  await expect(figure('Owed')).toHaveText('133,000 CNY');
  await expect(figure('Due by month end')).toHaveText('8,000 CNY');

  // A credit limit below what it owes: the page says so, with the overdue payments.
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Credit limit', { exact: true }).fill('100000');
  await page.getByLabel('Credit term (days)').fill('30');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const notice = page.locator('.notice.credit');
  await expect(notice).toContainText('Over its credit limit: owes 133,000 CNY, the limit is 100,000 CNY.');
  await expect(notice).toContainText('Overdue payments: 125,000 CNY, the longest 30 days late.');

  // The list flags it, and finds it among the customers whose credit needs attention.
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  const listed = page.getByRole('row', { name: /云帆传媒/ });
  await expect(listed.locator('.flag')).toHaveText('Overdue');
  await page.getByLabel('Credit', { exact: true }).selectOption('attention');
  await expect(countLine(page)).toHaveText('1 of 1 customers');
  await page.getByLabel('Credit', { exact: true }).selectOption('');
  await listed.click();
  await page.getByRole('tab', { name: /Transactions/ }).click();

  // The payment comes in: the first is paid, nothing is overdue.
  await first.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Paid', { exact: true }).fill('125000');
  await page.getByLabel('Paid on').fill(daysAgo(0));
  await page.getByRole('button', { name: 'Save transaction' }).click();
  await expect(first).toContainText('Paid');
  await expect(figure('Overdue')).toHaveText('0 CNY');
  await expect(figure('Owed')).toHaveText('8,000 CNY');
  await expect(notice).toHaveCount(0);

  // Entered in error: removing it needs a reason.
  await page.getByRole('row', { name: /展会搭建/ }).getByRole('button', { name: 'Remove' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove the transaction 展会搭建?' });
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect(dialog.getByText('A reason is required.')).toBeVisible();
  await dialog.getByLabel('Reason').fill('录错了客户');
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('row', { name: /展会搭建/ })).toHaveCount(0);

  // All of it is still there after a reload, and the history tells the story.
  await page.reload();
  await page.getByRole('tab', { name: /Transactions/ }).click();
  await expect(page.getByRole('row', { name: /HT-2026-031/ })).toContainText('Paid');
  await expect(figure('Owed')).toHaveText('0 CNY');
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await expect(page.getByRole('row', { name: /云帆传媒/ }).locator('.flag')).toBeEmpty();
  await page.getByLabel('Credit', { exact: true }).selectOption('attention');
  await expect(countLine(page)).toHaveText('0 of 1 customers');
  await page.getByLabel('Credit', { exact: true }).selectOption('');
  await page.getByRole('row', { name: /云帆传媒/ }).click();
  await page.getByRole('tab', { name: /History/ }).click();
  const removed = page.locator('.history-entry').filter({ hasText: '录错了客户' });
  await expect(removed).toContainText('Deleted');
  await expect(removed).toContainText('Transactions');
  await expect(removed.getByRole('row', { name: /Product or service/ })).toContainText('展会搭建');
  const paid = page.locator('.history-entry').filter({ hasText: 'Changed' }).filter({ hasText: 'Transactions' });
  await expect(paid.getByRole('row', { name: /Paid on/ })).toContainText(daysAgo(0));
});
