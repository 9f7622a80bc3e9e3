// Paper copies (两套制): a customer's archive card and the filtered list, as the printer gets them.
import { test, expect } from '@playwright/test';
import { openApp, createCustomer } from './helpers.mjs';

/** Stand in for the browser's print dialog: note what it would print, at the moment it is opened. */
async function catchPrints(page, selector) {
  await page.evaluate((sel) => {
    window.printed = [];
    window.print = () => window.printed.push({
      text: document.querySelector(sel)?.innerText ?? '',
      layout: getComputedStyle(document.querySelector('.layout')).display,
    });
  }, selector);
}

async function printed(page) {
  await expect.poll(() => page.evaluate(() => window.printed.length)).toBe(1);
  return page.evaluate(() => window.printed[0]);
}

test("the archive card prints the kind's fields with the contacts, and nothing of the screen", async ({ page }) => {
  await openApp(page);
  await createCustomer(page, '华联广告有限公司', async () => {
    await page.getByLabel('Kind', { exact: true }).selectOption('dealer');
    await page.getByLabel('Brands carried').fill('天马, 星河');
  });
  const card = page.locator('.archive-card');
  // On screen there is no card; it is drawn for the printer and taken away after.
  await expect(card).toHaveCount(0);
  await catchPrints(page, '.archive-card');
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Print card').click());
  const paper = await printed(page);
  expect(paper.layout).toBe('none');
  expect(paper.text).toContain('Dealer archive card');
  expect(paper.text).toContain('华联广告有限公司');
  expect(paper.text).toMatch(/Brands carried\s+天马, 星河/);
  // The end customer's fields are not on a dealer's card; empty fields are there to fill in by hand.
  expect(paper.text).not.toContain('Needs and use');
  expect(paper.text).toContain('Legal representative');
  expect(paper.text).toContain('Printed');
  await page.emulateMedia({ media: 'screen' });
  await expect(card).toHaveCount(0);
  await expect(page.getByRole('navigation')).toBeVisible();

  // Ctrl+P: the browser's own beforeprint draws it too; in Chinese, with the seeds' title.
  await page.getByLabel('Language').selectOption('zh-CN');
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(card.getByRole('heading', { level: 1 })).toHaveText('经销商客户档案卡');
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(card).toHaveCount(0);

  // Opened from the list, which stays under the page: the card prints, the list does not.
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('navigation').getByRole('link', { name: '客户档案' }).click();
  await page.getByRole('row', { name: /华联广告有限公司/ }).click();
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(card).toHaveCount(1);
  await expect(page.locator('.print-list')).toHaveCount(0);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
});

test('the filtered list prints as a table in its order', async ({ page }) => {
  await openApp(page);
  await createCustomer(page, 'Sunrise Events');
  await createCustomer(page, 'Harbour Trading');
  await createCustomer(page, '华联广告');
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await page.getByLabel('Search').fill('r');
  await catchPrints(page, '.print-list');
  await page.getByRole('button', { name: 'Print list' }).click();
  const paper = await printed(page);
  expect(paper.text).toContain('2 of 2 customers');
  expect(paper.text.indexOf('Harbour Trading')).toBeGreaterThan(-1);
  expect(paper.text.indexOf('Harbour Trading')).toBeLessThan(paper.text.indexOf('Sunrise Events'));
  expect(paper.text).not.toContain('华联广告');
  await expect(page.locator('.print-list')).toHaveCount(0);
});
