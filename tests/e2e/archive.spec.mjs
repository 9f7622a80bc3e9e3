// The customer archive, used as agency staff use it.
import { test, expect } from '@playwright/test';
import { openApp, createCustomer, addStaff, countLine } from './helpers.mjs';

test('a dealer with two contacts and a log entry is all still there after a reload', async ({ page }) => {
  await openApp(page);
  await createCustomer(page, '华联广告有限公司', async () => {
    await page.getByLabel('Kind', { exact: true }).selectOption('dealer');
    // The dealer card shows the dealer's fields, not the end customer's.
    await expect(page.getByLabel('Brands carried')).toBeVisible();
    await expect(page.getByLabel('Needs and use')).toHaveCount(0);
    await page.getByLabel('Brands carried').fill('星河饮料、云帆食品');
    await page.getByLabel('Phone', { exact: true }).fill('010-6588 1234');
    await page.getByLabel('Registered capital').fill('500万');
  });

  await page.getByRole('tab', { name: /Contacts/ }).click();
  for (const [name, mobile] of [['王芳', '13900001111'], ['Li Lei', '13800002222']]) {
    await page.getByRole('button', { name: 'Add contact' }).click();
    await page.getByLabel('Contact name').fill(name);
    await page.getByLabel('Mobile').fill(mobile);
    await page.getByLabel('Hobbies').fill('羽毛球');
    await page.getByRole('button', { name: 'Save contact' }).click();
    await expect(page.getByRole('article', { name })).toBeVisible();
  }

  await page.getByRole('tab', { name: /Communication log/ }).click();
  await page.getByLabel('Channel').selectOption('visit');
  await page.getByLabel('Summary').fill('上门拜访，确认年度广告计划');
  await page.getByLabel('Next step').fill('月底前提交报价');
  await page.getByRole('button', { name: 'Add to log' }).click();
  await expect(page.getByRole('cell', { name: '上门拜访，确认年度广告计划' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '华联广告有限公司' })).toBeVisible();
  await expect(page.locator('.badges').getByText('Dealer', { exact: true })).toBeVisible();
  await expect(page.getByText('星河饮料、云帆食品')).toBeVisible();
  await expect(page.getByText('5,000,000 CNY')).toBeVisible();
  await page.getByRole('tab', { name: /Contacts/ }).click();
  await expect(page.getByRole('article', { name: '王芳' })).toContainText('Primary contact');
  await expect(page.getByRole('article', { name: 'Li Lei' })).toBeVisible();
  await page.getByRole('tab', { name: /Communication log/ }).click();
  await expect(page.getByRole('cell', { name: '上门拜访，确认年度广告计划' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Visit' })).toBeVisible();

  // The list finds it by a contact's mobile typed with full-width digits.
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await page.getByLabel('Search').fill('１３８０００');
  await expect(page.getByRole('row', { name: /华联广告有限公司/ })).toBeVisible();
  await expect(countLine(page)).toHaveText('1 of 1 customers');
  await page.getByLabel('Search').fill('no such customer');
  await expect(countLine(page)).toHaveText('0 of 1 customers');
});

test('an edit with a reason shows in the history with old and new values', async ({ page }) => {
  await openApp(page);
  await createCustomer(page, 'Sunrise Events Ltd');
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Industry').selectOption('Advertising and media');
  await page.getByLabel('Reason for the change').fill('Annual account review');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('tab', { name: /History/ }).click();
  const entry = page.locator('.history-entry').filter({ hasText: 'Annual account review' });
  await expect(entry).toContainText('Changed');
  await expect(entry.getByRole('row', { name: /Industry/ })).toContainText('Advertising and media');
  await expect(page.locator('.history-entry').filter({ hasText: 'Created' })).toBeVisible();
});

test('bad input gets a message beside the field and nothing typed is lost', async ({ page }) => {
  await openApp(page);
  await page.getByRole('link', { name: 'New customer' }).first().click();
  await page.getByLabel('Customer name').fill('Blue Harbour Media');
  await page.getByLabel('E-mail').fill('not-an-email');
  await page.getByLabel('Postcode').fill('12');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Not an e-mail address (name@example.com).')).toBeVisible();
  await expect(page.getByText('Not a postcode (six digits in China).')).toBeVisible();
  await expect(page.getByLabel('E-mail')).toHaveValue('not-an-email');
  await expect(page.getByLabel('Customer name')).toHaveValue('Blue Harbour Media');
  await expect(page.getByLabel('E-mail')).toHaveAttribute('aria-invalid', 'true');
  // A lost customer needs the date and reason of the loss.
  await page.getByLabel('E-mail').fill('info@blueharbour.com');
  await page.getByLabel('Postcode').fill('518000');
  await page.getByLabel('Status', { exact: true }).selectOption('lost');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Required for a lost customer.')).toHaveCount(2);
  await page.getByLabel('Lost on').fill('2026-10-01');
  await page.getByLabel('Reason for the loss').fill('价格竞争失利');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Blue Harbour Media' })).toBeVisible();
});

test('user text is shown as text, never as markup', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
  await openApp(page);
  const evil = '<img src=x onerror=alert(1)>';
  await createCustomer(page, evil);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(evil);
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await expect(page.getByRole('row', { name: /onerror/ })).toContainText(evil);
  expect(await page.locator('main img').count()).toBe(0);
  expect(dialogs).toBe(0);
});

test('delete needs a reason, goes to the trash, and restores with its contacts', async ({ page }) => {
  await openApp(page);
  await createCustomer(page, '星河会展');
  await page.getByRole('tab', { name: /Contacts/ }).click();
  await page.getByRole('button', { name: 'Add contact' }).click();
  await page.getByLabel('Contact name').fill('陈静');
  await page.getByRole('button', { name: 'Save contact' }).click();
  await expect(page.getByRole('article', { name: '陈静' })).toBeVisible();

  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete 星河会展?' });
  await dialog.getByRole('button', { name: 'Move to trash' }).click();
  await expect(dialog.getByText('A reason is required.')).toBeVisible();
  await dialog.getByLabel('Reason for deleting').fill('重复录入');
  await dialog.getByRole('button', { name: 'Move to trash' }).click();
  await expect(countLine(page)).toHaveText('0 of 0 customers');
  const trashBadge = page.getByRole('navigation').getByRole('link', { name: /Trash/ }).locator('.badge');
  await expect(trashBadge).toHaveText('1');

  await page.getByRole('navigation').getByRole('link', { name: /Trash/ }).click();
  const row = page.getByRole('row', { name: /星河会展/ });
  await expect(row).toContainText('重复录入');
  await expect(row.getByRole('cell').nth(4)).toHaveText('30');
  await row.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '星河会展' })).toBeVisible();
  await page.getByRole('tab', { name: /Contacts/ }).click();
  await expect(page.getByRole('article', { name: '陈静' })).toBeVisible();
  await page.getByRole('tab', { name: /History/ }).click();
  await expect(page.locator('.history-entry').filter({ hasText: 'Restored' })).toContainText('重复录入');
  await expect(trashBadge).toHaveCount(0);

  // Deleted for good: asked first, then gone from the trash and its count.
  await page.getByRole('button', { name: 'Delete' }).click();
  const again = page.getByRole('dialog', { name: 'Delete 星河会展?' });
  await again.getByLabel('Reason for deleting').fill('客户已注销');
  await again.getByRole('button', { name: 'Move to trash' }).click();
  await expect(trashBadge).toHaveText('1');
  await page.getByRole('navigation').getByRole('link', { name: /Trash/ }).click();
  page.once('dialog', (d) => d.accept());
  await page.getByRole('row', { name: /星河会展/ }).getByRole('button', { name: 'Delete permanently' }).click();
  await expect(page.getByText('The trash is empty.')).toBeVisible();
  await expect(trashBadge).toHaveCount(0);
});

test('conflicting edits in two tabs show the conflict and keep both people\'s work', async ({ context }) => {
  const first = await context.newPage();
  await openApp(first);
  await createCustomer(first, 'Jade Dragon Media');
  const editUrl = first.url().replace(/#.*$/, '') + '#/customers/' + first.url().split('/customers/')[1] + '/edit';
  const second = await context.newPage();
  await second.goto(editUrl);
  await first.goto(editUrl);
  await expect(first.getByLabel('Customer name')).toHaveValue('Jade Dragon Media');
  await expect(second.getByLabel('Customer name')).toHaveValue('Jade Dragon Media');

  await first.getByLabel('Address').fill('上海市静安区南京西路1266号');
  await first.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(first.getByRole('heading', { level: 1, name: 'Jade Dragon Media' })).toBeVisible();

  // The other tab hears of it at once, and keeps its typing.
  await expect(second.getByText('This customer was just changed in another tab')).toBeVisible();
  await second.getByLabel('Phone', { exact: true }).fill('021-6288 0000');
  await second.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(second.getByRole('alert').filter({ hasText: 'Changed elsewhere while you were editing' })).toBeVisible();
  await expect(second.getByRole('alert').filter({ hasText: 'Changed by them' })).toContainText('Address');
  await expect(second.getByLabel('Phone', { exact: true })).toHaveValue('021-6288 0000');
  await expect(second.getByLabel('Address')).toHaveValue('上海市静安区南京西路1266号');
  await second.getByRole('button', { name: 'Save my changes on their version' }).click();
  await expect(second.getByRole('heading', { level: 1, name: 'Jade Dragon Media' })).toBeVisible();
  await expect(second.getByText('021-6288 0000')).toBeVisible();
  await expect(second.getByText('上海市静安区南京西路1266号')).toBeVisible();

  // The first tab shows the second tab's save without a reload.
  await expect(first.getByText('021-6288 0000')).toBeVisible();
});

test('the language switches to Chinese and stays chosen', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.getByRole('navigation').getByRole('link', { name: '客户档案' })).toBeVisible();
  await expect(page.getByRole('link', { name: '新建客户' }).first()).toBeVisible();
  await page.getByRole('link', { name: '新建客户' }).first().click();
  await expect(page.getByLabel('客户名称')).toBeVisible();
  await expect(page.getByText('客户基础资料')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('客户名称')).toBeVisible();
  await expect(page.getByLabel('语言')).toHaveValue('zh-CN');
  await expect(page.getByLabel('语言').locator('option:checked')).toHaveText('简体中文');
  await page.getByLabel('语言').selectOption('zh-TW');
  await expect(page.getByLabel('客戶名稱')).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: '客戶檔案' })).toBeVisible();
});

test('the demo archive is separate and leaves the real archive untouched', async ({ page }) => {
  await openApp(page);
  await createCustomer(page, 'Real Client Co');
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Open the demo archive' }).click();
  await expect(page.getByRole('note').filter({ hasText: 'DEMO' })).toBeVisible();
  await expect(countLine(page)).toHaveText('200 of 200 customers');
  await page.getByLabel('Search').fill('Real Client');
  await expect(countLine(page)).toHaveText('0 of 200 customers');
  // Work in the demo: a staff view, a deletion.
  await page.getByLabel('I am').selectOption({ label: '张伟 · Sales representative' });
  await page.getByLabel('Search').fill('');
  await expect(countLine(page)).not.toHaveText('200 of 200 customers');
  await expect(page.getByLabel('Show')).toHaveValue('mine');
  const mine = (await countLine(page).innerText()).split(' ')[0];
  // With nobody chosen, filtering by 张伟 (owner or second responsible) lists the same customers.
  await page.getByLabel('I am').selectOption({ label: '— not set —' });
  await page.getByLabel('Owner', { exact: true }).selectOption({ label: '张伟' });
  await expect(countLine(page)).toHaveText(`${mine} of 200 customers`);
  expect(Number(mine)).toBeGreaterThan(0);
  await page.getByLabel('Owner', { exact: true }).selectOption({ label: 'All' });
  await page.getByRole('row').nth(1).click();
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByLabel('Reason for deleting').fill('demo');
  await page.getByRole('button', { name: 'Move to trash' }).click();
  await expect(countLine(page)).toHaveText('199 of 199 customers');
  // Reset brings the sample back.
  await page.getByRole('button', { name: 'Reset demo' }).click();
  await expect(countLine(page)).toHaveText('200 of 200 customers');
  await page.getByRole('button', { name: 'Leave the demo' }).click();
  await expect(page.getByRole('note').filter({ hasText: 'DEMO' })).toHaveCount(0);
  await expect(countLine(page)).toHaveText('1 of 1 customers');
  await expect(page.getByRole('row', { name: /Real Client Co/ })).toBeVisible();
});

test('staff, role views and handover', async ({ page }) => {
  await openApp(page);
  await addStaff(page, '老张', '华东销售部', 'sales_rep');
  await addStaff(page, '小李', '华东销售部', 'sales_rep');
  await addStaff(page, 'Emily Chen', '华东销售部', 'department_manager');
  await createCustomer(page, '老张的客户', async () => {
    await page.getByLabel('Owner').selectOption({ label: '老张' });
  });
  await createCustomer(page, '小李的客户', async () => {
    await page.getByLabel('Owner').selectOption({ label: '小李' });
  });
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await expect(countLine(page)).toHaveText('2 of 2 customers');
  await page.getByLabel('I am').selectOption({ label: '老张 · Sales representative' });
  await expect(countLine(page)).toHaveText('1 of 2 customers');
  await expect(page.getByRole('row', { name: /老张的客户/ })).toBeVisible();
  await page.getByLabel('I am').selectOption({ label: 'Emily Chen · Department manager' });
  await expect(countLine(page)).toHaveText('2 of 2 customers');

  await page.getByRole('navigation').getByRole('link', { name: 'Staff' }).click();
  await page.getByRole('row', { name: /老张/ }).getByRole('button', { name: 'Hand over' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('All 1 customers');
  await dialog.getByLabel('Successor').selectOption({ label: '小李' });
  await dialog.getByRole('button', { name: 'Hand over' }).click();
  await expect(page.getByText('1 customers were handed over.')).toBeVisible();
  await expect(page.getByRole('row', { name: /老张/ })).toContainText('Left');

  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('row', { name: /老张的客户/ }).click();
  await expect(page.getByText('Owner: 小李')).toBeVisible();
  await page.getByRole('tab', { name: /History/ }).click();
  await expect(page.locator('.history-entry').filter({ hasText: 'Handed over' })).toContainText('老张 → 小李');
});

test('needs review lists stale records by owner and mark reviewed clears one', async ({ page }) => {
  await openApp(page, '#/settings');
  await page.getByRole('button', { name: 'Open the demo archive' }).click();
  await expect(countLine(page)).toHaveText('200 of 200 customers');
  const nav = page.getByRole('navigation').getByRole('link', { name: /Needs review/ });
  const before = Number(await nav.locator('.badge').innerText());
  expect(before).toBeGreaterThan(0);
  await nav.click();
  const group = page.locator('section.group').first();
  await expect(group.getByRole('heading', { level: 2 })).toBeVisible();
  const firstName = await group.getByRole('row').nth(1).getByRole('link').innerText();
  await group.getByRole('row').nth(1).getByRole('button', { name: 'Mark reviewed' }).click();
  await expect(nav.locator('.badge')).toHaveText(String(before - 1));
  await expect(page.getByRole('link', { name: firstName, exact: true })).toHaveCount(0);
});

test('needs review narrowed to the key accounts lists only key accounts', async ({ page }) => {
  await openApp(page, '#/settings');
  await page.getByRole('button', { name: 'Open the demo archive' }).click();
  await expect(countLine(page)).toHaveText('200 of 200 customers');
  await page.getByRole('navigation').getByRole('link', { name: /Needs review/ }).click();
  const names = () => page.locator('section.group tbody tr td:first-child a').allInnerTexts();
  await expect(page.locator('section.group').first()).toBeVisible();
  const all = await names();
  await page.getByLabel('Key accounts').selectOption('key');
  await expect.poll(async () => (await names()).length).toBeLessThan(all.length);
  const shown = await names();
  expect(shown.length).toBeGreaterThan(0);
  const left = all.filter((n) => !shown.includes(n));

  // The customer list, filtered by the same key accounts, finds the ones
  // shown and not the stale customers left out.
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await page.getByLabel('Key accounts').selectOption('key');
  for (const [name, found] of [...shown.slice(0, 3).map((n) => [n, 1]), ...left.slice(0, 3).map((n) => [n, 0])]) {
    await page.getByLabel('Search').fill(name);
    await expect(countLine(page)).toHaveText(new RegExp(`^${found} of 200 customers`));
  }
});

test('a full disk gets a clear message and the form keeps what was typed', async ({ page }) => {
  await openApp(page);
  await page.getByRole('link', { name: 'New customer' }).first().click();
  await page.getByLabel('Customer name').fill('Northwind Trading Co.');
  await page.getByLabel('Notes').fill('A long note. '.repeat(200));
  // Shrink this site's storage quota to nothing, as a full disk would.
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(page.url()).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'no more space' })).toBeVisible();
  await expect(page.getByLabel('Customer name')).toHaveValue('Northwind Trading Co.');
  await expect(page.getByLabel('Notes')).toHaveValue(/^A long note\./);
  // Space again: the same form saves.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Trading Co.' })).toBeVisible();
});

test('typing in an open form survives a save in another tab', async ({ context }) => {
  const first = await context.newPage();
  await openApp(first);
  await createCustomer(first, 'Golden Gate Events');
  const url = first.url();
  const second = await context.newPage();
  await second.goto(url);
  await second.getByRole('tab', { name: /Communication log/ }).click();
  await second.getByLabel('Summary').fill('电话沟通下季度预算，尚未说完');
  await first.getByRole('button', { name: 'Mark reviewed' }).click();
  await expect(first.getByText('Marked as reviewed.')).toBeVisible();
  // The page that saved shows what it wrote: the review is in its history.
  await first.getByRole('tab', { name: /History/ }).click();
  await expect(first.getByRole('tab', { name: /History/ })).toContainText('2');
  await expect(first.locator('.history-entry').first()).toContainText('Reviewed');
  // The second tab refreshes its data (the history count moves) and keeps the typing.
  await expect(second.getByRole('tab', { name: /History/ })).toContainText('2');
  await expect(second.getByLabel('Summary')).toHaveValue('电话沟通下季度预算，尚未说完');
});

test('the chosen user is shown after a reload and a contact removal asks first', async ({ page }) => {
  await openApp(page);
  await addStaff(page, '王磊', '华南销售部', 'sales_rep');
  await page.getByLabel('I am').selectOption({ label: '王磊 · Sales representative' });
  await page.reload();
  await expect(page.getByLabel('I am').locator('option:checked')).toHaveText('王磊 · Sales representative');
  await createCustomer(page, '云帆食品');
  await page.getByRole('tab', { name: /Contacts/ }).click();
  await page.getByRole('button', { name: 'Add contact' }).click();
  await page.getByLabel('Contact name').fill('刘洋');
  await page.getByRole('button', { name: 'Save contact' }).click();
  page.once('dialog', (d) => d.dismiss());
  await page.getByRole('article', { name: '刘洋' }).getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('article', { name: '刘洋' })).toBeVisible();
  page.once('dialog', (d) => d.accept());
  await page.getByRole('article', { name: '刘洋' }).getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('article', { name: '刘洋' })).toHaveCount(0);
  await expect(page.getByText('No contacts yet.')).toBeVisible();
});

test('unsaved typing comes back after leaving the form or reloading, until discarded', async ({ page }) => {
  await openApp(page);
  await page.getByRole('link', { name: 'New customer' }).first().click();
  await page.getByLabel('Customer name').fill('博雅文化传播');
  await page.getByLabel('Address').fill('杭州市西湖区文三路90号');
  await page.getByRole('navigation').getByRole('link', { name: 'Staff' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('link', { name: 'New customer' }).first().click();
  await expect(page.getByText('Your unsaved changes from earlier are back.')).toBeVisible();
  await expect(page.getByLabel('Customer name')).toHaveValue('博雅文化传播');
  await page.reload();
  await expect(page.getByLabel('Address')).toHaveValue('杭州市西湖区文三路90号');
  await page.getByRole('button', { name: 'Discard my changes' }).click();
  await expect(page.getByLabel('Customer name')).toHaveValue('');
  await page.reload();
  await expect(page.getByLabel('Customer name')).toHaveValue('');
  await expect(page.getByText('Your unsaved changes from earlier are back.')).toHaveCount(0);
});

test('after a reload the whole list is back, with renames and deletions, beyond the first screen', async ({ page }) => {
  await openApp(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Open the demo archive' }).click();
  await expect(countLine(page)).toHaveText('200 of 200 customers');
  // The last customer by name is far past the first screen the app shows before the rest loads.
  await page.getByRole('button', { name: 'Name' }).click();
  await expect(page.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'descending');
  const last = await page.locator('.row .primary-text').first().innerText();
  // Rename one customer and delete another.
  await page.locator('.row').nth(1).click();
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Customer name').fill('Zzz Renamed Agency');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Zzz Renamed Agency' })).toBeVisible();
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByLabel('Reason for deleting').fill('duplicate');
  await page.getByRole('button', { name: 'Move to trash' }).click();
  await expect(countLine(page)).toHaveText('199 of 199 customers');
  await page.locator('.row').nth(2).click();
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Customer name').fill('Aaa Renamed Studio');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Aaa Renamed Studio' })).toBeVisible();

  await page.reload();
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await expect(countLine(page)).toHaveText('199 of 199 customers');
  await page.getByLabel('Search').fill(last);
  await expect(page.locator('.row .primary-text', { hasText: last })).toBeVisible();
  await page.getByLabel('Search').fill('Renamed');
  await expect(countLine(page)).toHaveText('1 of 199 customers');
  await expect(page.getByRole('row', { name: /Aaa Renamed Studio/ })).toBeVisible();
  await page.getByLabel('Search').fill('');
  // In name order, the renamed customer now comes first.
  await expect(page.locator('.row .primary-text').first()).toHaveText('Aaa Renamed Studio');
});

test('back from a customer, the list is as it was left: scrolled, searched, and showing what was saved', async ({ page }) => {
  await openApp(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Open the demo archive' }).click();
  await expect(countLine(page)).toHaveText('200 of 200 customers');
  await page.getByLabel('Search').fill('a');
  const count = await countLine(page).innerText();
  // Scrolled well down the list, open a customer there who needs a review, and review it.
  const body = page.locator('.grid-body');
  await body.evaluate((el) => { el.scrollTop = 1500; });
  const scrolled = await body.evaluate((el) => el.scrollTop);
  const stale = page.locator('.row', { has: page.locator('.cell.stale') }).last();
  const name = await stale.locator('.primary-text').innerText();
  await stale.click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('button', { name: 'Mark reviewed' }).click();
  await expect(page.getByText('Marked as reviewed.')).toBeVisible();
  await page.goBack();
  // The same search, the same place, and the row no longer needs a review.
  await expect(page.getByLabel('Search')).toHaveValue('a');
  await expect(countLine(page)).toHaveText(count);
  expect(await body.evaluate((el) => el.scrollTop)).toBe(scrolled);
  const back = page.getByRole('row', { name: new RegExp(name) });
  await expect(back).toBeVisible();
  await expect(back.locator('.cell.stale')).toHaveCount(0);
  // The keyboard is back in the list.
  await expect(body).toBeFocused();
});

test('typing with quotes, backslashes and line breaks comes back exactly after a reload', async ({ page }) => {
  await openApp(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('link', { name: 'New customer' }).first().click();
  await page.getByLabel('Customer name').fill('星河 "Galaxy" 饮料');
  await page.getByLabel('Notes').fill('第一行\n"quoted" \\ second line');
  await page.reload();
  await expect(page.getByText('Your unsaved changes from earlier are back.')).toBeVisible();
  await expect(page.getByLabel('Customer name')).toHaveValue('星河 "Galaxy" 饮料');
  await expect(page.getByLabel('Notes')).toHaveValue('第一行\n"quoted" \\ second line');
});

test('after a reload the first rows show from the copy kept last time, before the archive is read, and follow every save', async ({ page }) => {
  await openApp(page);
  await addStaff(page, '老张', '华东销售部', 'sales_rep');
  await createCustomer(page, 'Beta Events', async () => {
    await page.getByLabel('Owner').selectOption({ label: '老张' });
  });
  await createCustomer(page, 'Gamma Print');
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Customer name').fill('Alpha Print');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Alpha Print' })).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await expect(countLine(page)).toHaveText('2 of 2 customers');

  // What the list shows when its first rows appear, and whether the app had
  // read the archive's first screen by then.
  await page.addInitScript(() => {
    const watch = new MutationObserver(() => {
      if (!document.querySelector('.row')) return;
      watch.disconnect();
      window.__firstRows = {
        archiveRead: performance.getEntriesByName('dossier:first-screen').length > 0,
        count: document.querySelector('.page-head .count')?.textContent,
        rows: [...document.querySelectorAll('.row')].map((r) => [...r.querySelectorAll('.cell')].map((c) => c.textContent)),
      };
    });
    document.addEventListener('DOMContentLoaded', () => watch.observe(document.body, { childList: true, subtree: true }));
  });
  await page.reload();
  await page.waitForFunction(() => window.__firstRows);
  const first = await page.evaluate(() => window.__firstRows);
  expect(first.archiveRead).toBe(false);
  expect(first.count).toBe('Loading all customers…');
  expect(first.rows.map((cells) => [cells[0], cells[4]])).toEqual([['Alpha Print', ''], ['Beta Events', '老张']]);
  await expect(countLine(page)).toHaveText('2 of 2 customers');
  await expect(page.locator('.row .primary-text')).toHaveText(['Alpha Print', 'Beta Events']);
});
