// Complaints (issue 6): the working-day calendar in Settings, a complaint
// recorded on a Friday before a holiday week with the deadlines that gives,
// and every step of its procedure to closed.
import { test, expect } from '@playwright/test';
import { openApp, createCustomer, addStaff, stepper, recordComplaint } from './helpers.mjs';

async function addDays(page, from, to, kind, name) {
  const panel = page.getByRole('region', { name: 'Working-day calendar' });
  await panel.getByLabel('From', { exact: true }).fill(from);
  await panel.getByLabel('To (for a range)').fill(to);
  await panel.getByLabel('Kind of day').selectOption({ label: kind });
  await panel.getByLabel('Name', { exact: true }).fill(name);
  await panel.getByRole('button', { name: 'Add to calendar' }).click();
  await expect(page.getByText('Calendar saved.').last()).toBeVisible();
}

test('a complaint received on the Friday before a holiday week is due after it, and walks through every step to closed', async ({ page }) => {
  await openApp(page);
  await addStaff(page, '小李', 'Events', 'sales_rep');
  await addStaff(page, '王总', 'Board', 'director');
  // Last: the helper finds the department field by its label, which an
  // option naming a department manager would also match.
  await addStaff(page, 'Emily Chen', 'Events', 'department_manager');

  // The agency's calendar: a holiday week, with the Saturday after it worked.
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  const panel = page.getByRole('region', { name: 'Working-day calendar' });
  await addDays(page, '2026-10-05', '2026-10-09', 'Public holiday', 'Golden Week');
  await addDays(page, '2026-10-10', '', 'Make-up working day (调休)', '');
  await panel.getByLabel('Year').selectOption('2026');
  await expect(panel.getByRole('row')).toHaveCount(1 + 6);
  await expect(panel.getByRole('row', { name: /2026-10-10/ })).toContainText('Sat');
  // A bad range is refused with a message, and nothing is added.
  await panel.getByLabel('From', { exact: true }).fill('2026-12-31');
  await panel.getByLabel('To (for a range)').fill('2026-12-01');
  await panel.getByRole('button', { name: 'Add to calendar' }).click();
  await expect(panel.getByRole('alert')).toHaveText('The range ends before it starts.');
  await expect(panel.getByRole('row')).toHaveCount(1 + 6);

  await createCustomer(page, '星河会展');
  await page.getByRole('tab', { name: /Complaints/ }).click();
  await expect(page.getByText('No complaints recorded.')).toBeVisible();
  await page.getByRole('button', { name: 'Record complaint' }).click();
  const form = page.getByRole('form', { name: 'Record complaint' });
  // Nothing typed is lost when a field is refused.
  await form.getByLabel('What happened').fill('展台搭建延误两小时');
  await form.getByRole('button', { name: 'Record complaint' }).click();
  await expect(form.getByRole('alert')).toHaveText('Required.');
  await expect(form.getByLabel('What happened')).toHaveValue('展台搭建延误两小时');
  await form.getByLabel('Received on').fill('2026-10-02');
  await form.getByLabel('Complainant').fill('王经理');
  await form.getByLabel('Category').selectOption({ label: 'Service efficiency' });
  await form.getByLabel('Severity').selectOption({ label: 'High' });
  await form.getByLabel('What the customer asks for').fill('减免部分费用');
  await form.getByRole('button', { name: 'Record complaint' }).click();
  await expect(page.getByText('Complaint recorded.')).toBeVisible();

  const card = page.getByRole('article', { name: '2026-10-02 · 王经理' });
  // Friday the 2nd: one working day is the make-up Saturday after the holiday
  // week, two is the Monday after that.
  await expect(card.locator('.kv').filter({ hasText: 'Investigation starts by' })).toContainText('2026-10-10');
  await expect(card.locator('.kv').filter({ hasText: 'Reply by' })).toContainText('2026-10-12');
  await expect(card.locator('.complaint-head')).toContainText('Received');
  // Long past both deadlines by now: flagged, and gone up to the director.
  await expect(card.locator('.overdue')).toContainText('Overdue: with the director');

  // The overdue complaint has gone up to the director (received by nobody
  // named, it has no department yet): it is on the director's list, not on
  // a sales rep's.
  await page.getByRole('navigation').getByRole('link', { name: 'My work' }).click();
  await expect(page.getByText('Meanwhile every open complaint is listed.')).toBeVisible();
  await page.getByLabel('I am').selectOption({ label: '王总 · Director' });
  const work = page.getByRole('region', { name: 'Complaints to act on' });
  await expect(work.getByRole('row', { name: /星河会展/ })).toContainText('Overdue: with the director');
  await page.getByLabel('I am').selectOption({ label: '小李 · Sales representative' });
  await expect(work.getByText('Nothing to act on.')).toBeVisible();
  await page.getByLabel('I am').selectOption({ label: '王总 · Director' });
  await work.getByRole('link', { name: '星河会展' }).click();
  await page.getByRole('tab', { name: /Complaints/ }).click();

  // Only the steps the procedure allows are offered.
  const steps = card.getByRole('group', { name: 'Next step' });
  await expect(steps.getByRole('button')).toHaveText(['Accept', 'Decline']);
  const take = stepper(card);
  await take('Accept');
  await expect(steps.getByRole('button')).toHaveText(['Hand to department']);
  // A step that needs something says so, and is not taken.
  await steps.getByRole('button', { name: 'Hand to department' }).click();
  await card.getByRole('form', { name: 'Hand to department' }).getByRole('button', { name: 'Hand to department' }).click();
  await expect(card.getByRole('form', { name: 'Hand to department' }).getByRole('alert')).toHaveText('Choose the department.');
  await card.getByRole('form', { name: 'Hand to department' }).getByLabel('Department').selectOption('Events');
  await card.getByRole('form', { name: 'Hand to department' }).getByRole('button', { name: 'Hand to department' }).click();
  await expect(card.locator('.complaint-head')).toContainText('With the department');
  await take('Start investigation');
  await take('Propose resolution', async (f) => {
    await f.getByLabel('小李').check();
    await f.getByLabel('Proposed resolution').fill('减免搭建费 10%');
  });
  // The customer is not satisfied: back to the investigation.
  await take('Customer not satisfied', async (f) => f.getByLabel('What the customer objects to').fill('希望减免 20%'));
  await expect(card.locator('.complaint-head')).toContainText('Investigating');
  await take('Propose resolution', async (f) => {
    await f.getByLabel('Proposed resolution').fill('减免搭建费 15%，并赠送下次展会物料');
  });
  await take('Customer agrees');
  await take('Record reply', async (f) => f.getByLabel('Reply to the customer').fill('已书面确认减免方案'));
  await take('Record follow-up', async (f) => {
    await f.getByLabel('Satisfaction (1 to 5)').selectOption('4');
    await f.getByLabel("The customer's final opinion").fill('基本满意');
  });
  await take('Close and archive', async (f) => {
    await f.getByLabel('Summary').fill('延误原因：物料晚到；已改进供应商排期');
    await f.getByLabel('Evaluation').fill('处理及时，客户接受');
  });
  await expect(card.locator('.complaint-head')).toContainText('Closed');
  await expect(card.getByRole('group', { name: 'Next step' })).toHaveCount(0);
  await expect(card.locator('.overdue')).toHaveCount(0);
  await expect(card.locator('.timeline-entry')).toHaveCount(10);
  await expect(card.locator('.kv').filter({ hasText: 'Responsible' })).toContainText('小李');
  await expect(card.locator('.timeline-entry').nth(8)).toContainText('Satisfaction: 4/5');

  // All of it is in the archive: after a reload the timeline is the same,
  // and the history names each step.
  await page.reload();
  await page.getByRole('tab', { name: /Complaints/ }).click();
  await expect(page.getByRole('article', { name: '2026-10-02 · 王经理' }).locator('.timeline-entry')).toHaveCount(10);
  await page.getByRole('tab', { name: /History/ }).click();
  await expect(page.locator('.history-entry').filter({ hasText: 'Complaint received' })).toHaveCount(1);
  await expect(page.locator('.history-entry').filter({ hasText: 'Complaint step' })).toHaveCount(10);
});

test('a calendar file is loaded whole, or not at all with every bad line named', async ({ page }) => {
  await openApp(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  const panel = page.getByRole('region', { name: 'Working-day calendar' });
  await panel.getByLabel('Load from file…').setInputFiles({
    name: 'bad.csv', mimeType: 'text/csv',
    buffer: Buffer.from('date,kind,name\n2027-02-06..2027-02-14,休,春节\n2027-02-30,休,x\n2027-02-20,maybe\n'),
  });
  await expect(panel.getByRole('alert')).toContainText('Nothing was loaded');
  await expect(panel.getByRole('alert')).toContainText('Line 3: Not a date (use YYYY-MM-DD).');
  await expect(panel.getByRole('alert')).toContainText('Line 4: Say holiday or workday.');
  await panel.getByLabel('Year').selectOption('2027');
  await expect(panel.getByText('No holidays or make-up days entered for 2027.')).toBeVisible();
  await panel.getByLabel('Load from file…').setInputFiles({
    name: 'cal.csv', mimeType: 'text/csv',
    buffer: Buffer.from('date,kind,name\n2027-02-06..2027-02-14,休,春节\n2027/2/20，班\n'),
  });
  await expect(page.getByText('2 lines loaded from the file.')).toBeVisible();
  await expect(panel.getByRole('row')).toHaveCount(1 + 10);
  await expect(panel.getByRole('row', { name: /2027-02-20/ })).toContainText('Make-up working day');
});

test("the agency's complaint rules: deadlines per severity and its own categories, on the form", async ({ page }) => {
  await openApp(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  const rules = page.getByRole('region', { name: 'Complaint rules' });
  await rules.getByLabel('Urgent · Investigation starts within (working days)').fill('0');
  await rules.getByLabel('Urgent · Reply within (working days)').fill('1');
  await rules.getByLabel('Low · Investigation starts within (working days)').fill('3');
  await rules.getByLabel('Low · Reply within (working days)').fill('one');
  await rules.getByRole('button', { name: 'Save' }).click();
  await expect(rules.getByRole('alert')).toHaveText('A whole number of working days.');
  await rules.getByLabel('Low · Reply within (working days)').fill('2');
  await rules.getByRole('button', { name: 'Save' }).click();
  await expect(rules.getByRole('alert')).toHaveText('The reply cannot be due before the investigation starts.');
  await expect(rules.getByLabel('Low · Reply within (working days)')).toHaveAttribute('aria-invalid', 'true');
  await rules.getByLabel('Low · Reply within (working days)').fill('5');
  await rules.getByLabel('Director told after (working days late)').fill('1');
  await rules.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Complaint rules saved.')).toBeVisible();
  await expect(rules.getByRole('alert')).toHaveCount(0);
  // The agency's own category, once.
  await rules.getByLabel('New category').fill('场地安全');
  await rules.getByRole('button', { name: 'Add category' }).click();
  await expect(rules.getByRole('listitem').last()).toContainText('场地安全');
  await rules.getByLabel('New category').fill('场地安全');
  await rules.getByRole('button', { name: 'Add category' }).click();
  await expect(rules.getByRole('alert')).toHaveText('There is already a category of that name.');

  // An urgent complaint received on a Wednesday is investigated the same day and answered the next.
  await createCustomer(page, '云帆广告');
  const card = await recordComplaint(page, '2026-11-18', '周经理', {
    Category: { label: '场地安全' },
    Severity: { label: 'Urgent' },
    'What happened': '展台围栏松动',
  });
  await expect(card.locator('.kv').filter({ hasText: 'Investigation starts by' })).toContainText('2026-11-18');
  await expect(card.locator('.kv').filter({ hasText: 'Reply by' })).toContainText('2026-11-19');
  await expect(card.locator('.badges')).toContainText('场地安全');

  // The rules are kept.
  await page.reload();
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await expect(rules.getByLabel('Urgent · Investigation starts within (working days)')).toHaveValue('0');
  await expect(rules.getByLabel('Low · Reply within (working days)')).toHaveValue('5');
  await expect(rules.getByLabel('Director told after (working days late)')).toHaveValue('1');
});
