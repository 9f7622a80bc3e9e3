// Grading customers by value: rules, the re-grade preview, applying it, a grade set by hand.
import { test, expect } from '@playwright/test';
import { openApp, createCustomer, countLine } from './helpers.mjs';

const today = () => new Date().toISOString().slice(0, 10);

async function sale(page, amount) {
  await page.getByRole('tab', { name: /Transactions/ }).click();
  await page.getByRole('button', { name: 'Add transaction' }).click();
  await page.getByLabel('Product or service').fill('年度广告代理');
  await page.getByLabel('Amount').fill(amount);
  await page.getByLabel('Paid', { exact: true }).fill(amount);
  await page.getByLabel('Paid on').fill(today());
  await page.getByRole('button', { name: 'Save transaction' }).click();
  await expect(page.locator('.figure').filter({ hasText: 'Owed' }).locator('dd')).toHaveText('0 CNY');
}

test('define a rule, preview and apply a re-grade, see grades and history; a grade set by hand stays', async ({ page }) => {
  await openApp(page);
  await createCustomer(page, 'Alpha 传媒');
  await sale(page, '150万');
  await createCustomer(page, 'Beta 会展');
  await sale(page, '250000');
  await createCustomer(page, 'Gamma 印刷', async () => {
    await page.getByLabel('Registered capital').fill('800万');
  });

  // The default rules, changed: key needs 300,000 in sales, or 5,000,000 of capital.
  await page.getByRole('navigation').getByRole('link', { name: 'Grades' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'A new quarter' })).toContainText('last re-grade: Never');
  const rule2 = page.getByRole('listitem', { name: 'Rule 2' });
  await expect(rule2.getByRole('combobox').first()).toHaveValue('key');
  await rule2.getByLabel('Value').fill('30万');
  await rule2.getByRole('button', { name: 'Add a condition' }).click();
  const second = rule2.locator('.condition').nth(1);
  await second.getByLabel('And / or').selectOption('or');
  await second.getByLabel('Figure').selectOption('capital');
  await second.getByLabel('Comparison').selectOption('ge');
  await second.getByLabel('Value').fill('abc');
  await page.getByRole('button', { name: 'Save grades and rules' }).click();
  await expect(second.getByText('Not an amount')).toBeVisible();
  await second.getByLabel('Value').fill('5000000');
  await page.getByRole('button', { name: 'Save grades and rules' }).click();
  await expect(page.getByText('Grades and rules saved.')).toBeVisible();

  // The preview lists every move with the rule and figures that decided it; nothing changes yet.
  await page.getByRole('button', { name: 'Preview the re-grade' }).click();
  await expect(page.getByText('3 customers would change grade.')).toBeVisible();
  const move = (name) => page.locator('table.regrade tr').filter({ hasText: name });
  await expect(move('Alpha 传媒')).toContainText('Not graded');
  await expect(move('Alpha 传媒').getByRole('cell').nth(2)).toHaveText('Strategic');
  await expect(move('Alpha 传媒')).toContainText('Rule 1');
  await expect(move('Alpha 传媒')).toContainText('1,500,000 CNY');
  await expect(move('Beta 会展').getByRole('cell').nth(2)).toHaveText('General');
  await expect(move('Beta 会展')).toContainText('Rule 3');
  await expect(move('Gamma 印刷').getByRole('cell').nth(2)).toHaveText('Key');
  await expect(move('Gamma 印刷')).toContainText('Rule 2');
  await expect(move('Gamma 印刷')).toContainText('Registered capital 8,000,000 CNY');
  await page.getByRole('button', { name: 'Apply the re-grade' }).click();
  await expect(page.getByText('3 customers re-graded.')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'A new quarter' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Preview the re-grade' }).click();
  await expect(page.getByText('Every customer already has the grade the rules give.')).toBeVisible();

  // The list shows the grades and filters by them.
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await expect(page.getByRole('row', { name: /Alpha 传媒/ }).locator('.cell.grade')).toHaveText('Strategic');
  await page.getByLabel('Grade').selectOption('key');
  await expect(countLine(page)).toHaveText('1 of 3 customers');
  await page.getByRole('row', { name: /Gamma 印刷/ }).click();
  await expect(page.locator('.badges .grade')).toHaveText('Grade: Key');
  await page.getByRole('tab', { name: /History/ }).click();
  const regraded = page.locator('.history-entry').filter({ hasText: 'Re-graded' });
  await expect(regraded).toContainText('Re-grade: Rule 2.');
  await expect(regraded.getByRole('row', { name: /Grade/ })).toContainText('Key');

  // Set by hand, with a reason: the badge says so and a re-grade leaves it.
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await page.getByLabel('Grade').selectOption('');
  await page.getByRole('row', { name: /Beta 会展/ }).click();
  await page.getByRole('button', { name: 'Set grade' }).click();
  const dialog = page.getByRole('dialog', { name: 'Grade of Beta 会展' });
  await dialog.getByLabel('Grade').selectOption('key');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('A reason is required.')).toBeVisible();
  await dialog.getByLabel('Reason').fill('集团客户，总经理指定');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.badges .grade')).toHaveText('Grade: Key · set by hand');
  await page.getByRole('navigation').getByRole('link', { name: 'Grades' }).click();
  await page.getByRole('button', { name: 'Preview the re-grade' }).click();
  await expect(page.getByText('Every customer already has the grade the rules give.')).toBeVisible();

  // The rules are kept.
  await page.reload();
  await expect(page.getByRole('listitem', { name: 'Rule 2' }).locator('.condition').nth(1).getByLabel('Value')).toHaveValue('5000000');
});

test('the re-grade suggests the credit rating overdue payments or an exceeded limit allow, once', async ({ page }) => {
  const daysAgo = (days) => new Date(Date.now() - days * 864e5).toISOString().slice(0, 10);
  const deal = async (amount, date) => {
    await page.getByRole('tab', { name: /Transactions/ }).click();
    await page.getByRole('button', { name: 'Add transaction' }).click();
    await page.getByLabel('Transaction date').fill(date);
    await page.getByLabel('Product or service').fill('年度广告代理');
    await page.getByLabel('Amount').fill(amount);
    await page.getByRole('button', { name: 'Save transaction' }).click();
    await expect(page.getByRole('row', { name: /年度广告代理/ }).first()).toBeVisible();
  };
  await openApp(page);
  // Sixty days ago on a 30-day term: overdue.
  await createCustomer(page, 'Late Payer 传媒', async () => {
    await page.getByLabel('Credit rating').selectOption('good');
  });
  await deal('50000', daysAgo(60));
  // Owes 20,000 against a limit of 10,000, nothing overdue yet.
  await createCustomer(page, 'Big Spender 会展', async () => {
    await page.getByLabel('Credit rating').selectOption('high');
    await page.getByLabel('Credit limit').fill('10000');
  });
  await deal('20000', daysAgo(1));
  // Pays on time, within its limit: nothing to suggest.
  await createCustomer(page, 'On Time 印刷', async () => {
    await page.getByLabel('Credit rating').selectOption('good');
    await page.getByLabel('Credit limit').fill('10000');
  });
  await deal('5000', daysAgo(1));

  await page.getByRole('navigation').getByRole('link', { name: 'Grades' }).click();
  await page.getByRole('button', { name: 'Preview the re-grade' }).click();
  const ratings = page.getByRole('region', { name: 'Credit ratings to review' });
  await expect(ratings.locator('tbody tr')).toHaveCount(2);
  await expect(ratings.getByRole('row', { name: /Late Payer/ })).toHaveText(/Late Payer 传媒\s*Good\s*Fair\s*Overdue: 50,000 CNY/);
  await expect(ratings.getByRole('row', { name: /Big Spender/ })).toHaveText(/Big Spender 会展\s*High\s*Fair\s*Owes 20,000 CNY, limit 10,000 CNY/);

  // Applying the re-grade keeps the suggestion on show; lowering applies it.
  await page.getByRole('button', { name: 'Apply the re-grade' }).click();
  await expect(ratings.locator('tbody tr')).toHaveCount(2);
  await ratings.getByRole('button', { name: 'Lower these ratings' }).click();
  await expect(page.getByText('2 credit ratings lowered.')).toBeVisible();
  await expect(ratings).toHaveCount(0);

  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('row', { name: /Late Payer/ }).click();
  await expect(page.locator('.kv').filter({ has: page.getByText('Credit rating', { exact: true }) }).locator('dd')).toHaveText('Fair');
  await page.getByRole('tab', { name: /History/ }).click();
  const entry = page.locator('.history-entry').filter({ hasText: 'Re-grade suggestion. Overdue: 50,000 CNY' });
  await expect(entry.getByRole('row', { name: /Credit rating/ })).toContainText('Good');
  await expect(entry.getByRole('row', { name: /Credit rating/ })).toContainText('Fair');

  // The same debts suggest nothing more: fair is what they allow. On Time
  // was never on the list.
  await page.getByRole('navigation').getByRole('link', { name: 'Grades' }).click();
  await page.getByRole('button', { name: 'Preview the re-grade' }).click();
  await expect(page.getByText('Every customer already has the grade the rules give.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Credit ratings to review' })).toHaveCount(0);
});
