// Follow-up calls and visits (issue 6): the visit plan in Settings, the due
// list on My work, and a call recorded on the customer's page that clears
// what was due, with an answer promised until it is given.
import fs from 'node:fs';
import { test, expect } from '@playwright/test';
import { openApp, createCustomer, addStaff, stepper, recordComplaint } from './helpers.mjs';

/** Today in the browser's own time zone, as the app writes dates. */
async function today(page) {
  return page.evaluate(() => {
    const d = new Date();
    const two = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
  });
}

async function ownedCustomer(page, name) {
  await createCustomer(page, name, async () => {
    await page.getByLabel('Owner', { exact: true }).selectOption({ label: '小李' });
    await page.getByLabel('Trading with us since').fill('2026-01-05');
  });
}

test('a visit plan produces due calls, and a recorded call clears one; an answer promised is due until given', async ({ page }) => {
  await openApp(page);
  await addStaff(page, '小李', 'Sales', 'sales_rep');
  await page.getByLabel('I am').selectOption({ label: '小李 · Sales representative' });
  const on = await today(page);

  // The plan: customers without a grade are called weekly, all year round.
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  const plan = page.getByRole('region', { name: 'Visit plan' });
  await plan.getByLabel('No grade · Busy: call every').fill('7');
  await plan.getByLabel('No grade · Quiet: call every').fill('a week');
  await plan.getByRole('button', { name: 'Save' }).click();
  await expect(plan.getByRole('alert')).toHaveText('Each interval is a whole number of days from 1 to 366, or empty.');
  await expect(plan.getByLabel('No grade · Quiet: call every')).toHaveValue('a week');
  await expect(plan.getByLabel('No grade · Quiet: call every')).toHaveAttribute('aria-invalid', 'true');
  await plan.getByLabel('No grade · Quiet: call every').fill('7');
  await plan.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Visit plan saved.')).toBeVisible();
  await expect(plan.getByRole('alert')).toHaveCount(0);

  await ownedCustomer(page, '星河会展');
  await ownedCustomer(page, '云帆广告');

  // Never called since January: both calls are overdue.
  await page.getByRole('navigation').getByRole('link', { name: 'My work' }).click();
  const due = page.getByRole('table', { name: 'Calls, visits and care dates due' });
  await expect(due.getByRole('row', { name: /星河会展/ })).toContainText('Call');
  await expect(due.getByRole('row', { name: /云帆广告/ })).toContainText('Call');
  await expect(due.getByRole('row', { name: /Overdue · 2/ })).toBeVisible();

  // Call one of them, promising an answer by today.
  await due.getByRole('link', { name: '星河会展' }).click();
  await page.getByRole('tab', { name: /Calls & visits/ }).click();
  await expect(page.getByText('No calls or visits recorded.')).toBeVisible();
  await page.getByRole('button', { name: 'Record call or visit' }).click();
  const form = page.getByRole('form', { name: 'Record call or visit' });
  await expect(form.getByLabel('Date')).toHaveValue(on);
  await form.getByLabel('Service quality').check();
  await form.getByLabel("The customer's feedback").fill('对上次布展满意,询问明年报价');
  await form.getByLabel('Satisfaction (1 to 5)').selectOption('4');
  await form.getByLabel('Question', { exact: true }).fill('2027年报价');
  await form.getByLabel('Answer by').fill('2020-01-01');
  await form.getByRole('button', { name: 'Record call or visit' }).click();
  // Refused beside the questions, with everything typed kept.
  await expect(form.getByRole('alert')).toHaveText('Cannot be before the visit.');
  await expect(form.getByLabel("The customer's feedback")).toHaveValue('对上次布展满意,询问明年报价');
  await form.getByLabel('Answer by').fill(on);
  await form.getByRole('button', { name: 'Record call or visit' }).click();
  await expect(page.getByText('Call or visit recorded.')).toBeVisible();
  const card = page.getByRole('article', { name: `${on} · Call` });
  await expect(card).toContainText('Service quality');
  await expect(card).toContainText('Satisfaction: 4/5');
  await expect(card.getByRole('listitem')).toContainText(`2027年报价Owed by ${on}`);

  // The call is no longer due; the answer is, today.
  await page.getByRole('navigation').getByRole('link', { name: 'My work' }).click();
  await expect(due.getByRole('row', { name: /云帆广告/ })).toContainText('Call');
  const owed = due.getByRole('row', { name: /星河会展/ });
  await expect(owed).toHaveCount(1);
  await expect(owed).toContainText('Answer owed: 2027年报价');
  await expect(due.getByRole('row', { name: /Today · 1/ })).toBeVisible();

  // Given: nothing is left for that customer, after a reload too.
  await owed.getByRole('link', { name: '星河会展' }).click();
  await page.getByRole('tab', { name: /Calls & visits/ }).click();
  await page.getByRole('button', { name: 'Mark answered' }).click();
  await expect(page.getByText('Answer recorded.')).toBeVisible();
  await expect(page.getByRole('article', { name: `${on} · Call` }).getByRole('listitem')).toContainText(`Answered ${on}`);
  // The call is in the customer's history, with what the customer said.
  await page.getByRole('tab', { name: /History/ }).click();
  await expect(page.locator('.history-entry').filter({ hasText: 'Call or visit recorded' })).toContainText('对上次布展满意');
  await expect(page.locator('.history-entry').filter({ hasText: 'Answer given' })).toContainText('2027年报价');
  await page.reload();
  await page.getByRole('navigation').getByRole('link', { name: 'My work' }).click();
  await expect(due.getByRole('row', { name: /云帆广告/ })).toBeVisible();
  await expect(due.getByRole('row', { name: /星河会展/ })).toHaveCount(0);
});

test("a call recorded as a complaint's follow-up takes that step of the complaint", async ({ page }) => {
  await openApp(page);
  await addStaff(page, '王总', 'Board', 'director');
  await addStaff(page, 'Emily Chen', 'Events', 'department_manager');
  await page.getByLabel('I am').selectOption({ label: '王总 · Director' });
  const on = await today(page);
  await createCustomer(page, '星河会展');
  const card = await recordComplaint(page, on, '王经理', { 'What happened': '展台搭建延误' });
  await expect(page.getByText('Complaint recorded.')).toBeVisible();
  const steps = card.getByRole('group', { name: 'Next step' });
  const take = stepper(card);
  await take('Accept');
  await take('Hand to department', async (f) => f.getByLabel('Department').selectOption('Events'));
  await take('Start investigation');
  await take('Propose resolution', async (f) => {
    await f.getByLabel('Emily Chen').check();
    await f.getByLabel('Proposed resolution').fill('减免搭建费 10%');
  });
  await take('Customer agrees');
  await take('Record reply', async (f) => f.getByLabel('Reply to the customer').fill('已书面确认'));
  await expect(steps.getByRole('button')).toHaveText(['Record follow-up']);

  // The follow-up call, recorded on the Calls & visits tab.
  await page.getByRole('tab', { name: /Calls & visits/ }).click();
  await page.getByRole('button', { name: 'Record call or visit' }).click();
  const form = page.getByRole('form', { name: 'Record call or visit' });
  await form.getByLabel('Follow-up of complaint').selectOption({ label: `${on} · 王经理` });
  await expect(form.getByLabel('Complaint handling')).toBeChecked();
  // A follow-up needs the customer's final opinion and satisfaction.
  await form.getByRole('button', { name: 'Record call or visit' }).click();
  await expect(form.getByRole('alert')).toHaveText(['Required.', 'Required.']);
  await form.getByLabel("The customer's feedback").fill('满意,希望下次提前沟通');
  await form.getByLabel('Satisfaction (1 to 5)').selectOption('5');
  await form.getByRole('button', { name: 'Record call or visit' }).click();
  await expect(page.getByText('Call or visit recorded.')).toBeVisible();
  await expect(page.getByRole('article', { name: `${on} · Call` })).toContainText(`Follow-up of the complaint of ${on}`);

  // The complaint has taken its follow-up step, with the call's feedback and rating.
  await page.getByRole('tab', { name: /Complaints/ }).click();
  await expect(steps.getByRole('button')).toHaveText(['Close and archive']);
  const last = card.locator('.timeline-entry').last();
  await expect(last).toContainText('Record follow-up');
  await expect(last).toContainText('Satisfaction: 5/5');
  await expect(last).toContainText('满意,希望下次提前沟通');

  // The Service page counts it: handled in time, satisfied, by department,
  // person responsible and the caller; each table exports to CSV.
  await page.getByRole('navigation').getByRole('link', { name: 'Service' }).click();
  const figure = (name) => page.locator('.figure').filter({ has: page.getByText(name, { exact: true }) }).locator('dd');
  await expect(figure('Complaints received')).toHaveText('1');
  await expect(figure('Still open')).toHaveText('1');
  await expect(figure('Open and overdue')).toHaveText('0');
  await expect(figure('Investigation started on time')).toHaveText('100%');
  await expect(figure('Replied on time')).toHaveText('100%');
  await expect(figure('Satisfaction at follow-up')).toHaveText('5.0');
  const panel = (name) => page.getByRole('region', { name });
  await expect(panel('Complaints by department').locator('tbody tr')).toHaveText(['Events1']);
  await expect(panel('Complaints by person responsible').locator('tbody tr')).toHaveText(['Emily Chen1']);
  await expect(panel('Satisfaction by member of staff').locator('tbody tr')).toHaveText(['王总5.01']);
  await expect(panel('Complaints by category').locator('tbody tr')).toHaveText(['Service attitude1']);
  const download = page.waitForEvent('download');
  await panel('Complaints by department').getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^dossier-complaints-by-department-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = fs.readFileSync(await file.path(), 'utf8').replace(/^\uFEFF/, '');
  expect(text.split(/\r?\n/).slice(0, 2)).toEqual(['Department,Complaints', 'Events,1']);
  // A period before any of it: nothing counted; a backwards period is refused.
  await page.getByLabel('To', { exact: true }).fill('2020-12-31');
  await page.getByLabel('From', { exact: true }).fill('2020-01-01');
  await expect(figure('Complaints received')).toHaveText('0');
  await expect(page.getByText('None in this period.')).toBeVisible();
  await page.getByLabel('From', { exact: true }).fill('2021-01-01');
  await expect(page.locator('.notice.error')).toHaveText('Give the period as two dates (YYYY-MM-DD), the first not after the last.');
});
