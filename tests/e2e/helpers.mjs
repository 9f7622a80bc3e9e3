// Steps the tests share, written as a user would do them.
import { expect } from '@playwright/test';

/** Open the app and wait until the customer list is there. */
export async function openApp(page, path = '') {
  await page.goto(`./${path}`);
  await expect(page.getByRole('navigation')).toBeVisible();
}

/** Create a customer through the form; lands on its page. */
export async function createCustomer(page, name, fill = async () => {}) {
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('link', { name: 'New customer' }).first().click();
  await page.getByLabel('Customer name').fill(name);
  await fill();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** Add a member of staff on the Staff page. */
export async function addStaff(page, name, department, role) {
  await page.getByRole('navigation').getByRole('link', { name: 'Staff' }).click();
  await page.getByRole('button', { name: 'Add staff member' }).click();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await page.getByLabel('Department').fill(department);
  await page.getByLabel('Role').selectOption(role);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('cell', { name, exact: true })).toBeVisible();
}

/** The customer list's visible count line, e.g. "3 of 3 customers". */
export function countLine(page) {
  return page.locator('.page-head .count');
}

/** Taking the next step of the complaint on `card`: `take(step, fill)` opens
 * the step's form, lets `fill` fill it, submits it and waits for it to close. */
export function stepper(card) {
  return async (step, fill = async () => {}) => {
    await card.getByRole('group', { name: 'Next step' }).getByRole('button', { name: step }).click();
    const f = card.getByRole('form', { name: step });
    await fill(f);
    await f.getByRole('button', { name: step }).click();
    await expect(f).toHaveCount(0);
  };
}

/** Record a complaint on the customer page shown: received on `received`
 * from `complainant`, with `fields` by label (text, or `{ label }` for a
 * choice). Answers the complaint's card. */
export async function recordComplaint(page, received, complainant, fields = {}) {
  await page.getByRole('tab', { name: /Complaints/ }).click();
  await page.getByRole('button', { name: 'Record complaint' }).click();
  const form = page.getByRole('form', { name: 'Record complaint' });
  await form.getByLabel('Received on').fill(received);
  await form.getByLabel('Complainant').fill(complainant);
  for (const [label, value] of Object.entries(fields)) {
    if (typeof value === 'string') await form.getByLabel(label).fill(value);
    else await form.getByLabel(label).selectOption(value);
  }
  await form.getByRole('button', { name: 'Record complaint' }).click();
  return page.getByRole('article', { name: `${received} · ${complainant}` });
}
