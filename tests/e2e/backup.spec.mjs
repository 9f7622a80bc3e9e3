// Backup and restore, as a user does them on the Settings page.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { openApp, createCustomer, countLine } from './helpers.mjs';

async function toSettings(page) {
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Backup', exact: true })).toBeVisible();
}

/** Back up from Settings; answers the downloaded file's path (under `as`, when given). */
async function backUp(page, passphrase = '', as = '') {
  await toSettings(page);
  if (passphrase) {
    await page.getByLabel('Passphrase (optional, encrypts the file)').fill(passphrase);
    await page.getByLabel('Passphrase again').fill(passphrase);
  }
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Back up now' }).click();
  const file = await download;
  await expect(page.getByText(/Backup saved: dossier-backup-.*\.dossier/).last()).toBeVisible();
  const name = file.suggestedFilename();
  const path = test.info().outputPath(as || name);
  await file.saveAs(path);
  return { path, name };
}

test('back up with a passphrase, change the archive, restore: everything is back as it was', async ({ page }) => {
  await openApp(page);
  await createCustomer(page, '华联广告「北京」');
  await createCustomer(page, 'Sunrise Events');
  // Never backed up: the monthly reminder is above every page.
  const reminder = page.getByRole('status').filter({ hasText: 'It is time for the monthly backup' });
  await expect(reminder).toBeVisible();
  await toSettings(page);
  await expect(page.locator('.last-backup')).toHaveText('Never');

  // The two passphrase fields must agree.
  await page.getByLabel('Passphrase (optional, encrypts the file)').fill('每月1日 backup');
  await page.getByLabel('Passphrase again').fill('每月1日 backup!');
  await expect(page.getByText('The two passphrases differ.')).toBeVisible();
  const { path, name } = await backUp(page, '每月1日 backup');
  expect(name).toMatch(/^dossier-backup-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}\.dossier$/);
  await expect(page.locator('.last-backup')).not.toHaveText('Never');
  await expect(reminder).toHaveCount(0);

  // The file: the format line, a readable header, and a body that is not.
  const bytes = fs.readFileSync(path);
  const text = bytes.toString('latin1');
  const [magic, headerLine] = text.split('\n', 2);
  expect(magic).toBe('DOSSIER-BACKUP 1');
  const header = JSON.parse(Buffer.from(headerLine, 'latin1').toString('utf8'));
  expect(header.counts.find((c) => c.store === 'customers').records).toBe(2);
  expect(header.encryption).toMatchObject({ kdf: 'PBKDF2-SHA256', iterations: 600000, cipher: 'AES-256-GCM' });
  expect(bytes.includes(Buffer.from('Sunrise Events'))).toBe(false);

  // The archive changes after the backup.
  await createCustomer(page, 'Added after the backup');
  await toSettings(page);
  await page.getByLabel('Backup file').setInputFiles(path);
  const facts = page.locator('.backup-header');
  await expect(facts).toContainText(name);
  await expect(facts).toContainText('EncryptedYes');
  await expect(facts).toContainText(/FormatDOSSIER-BACKUP 1, archive version \d+/);
  await page.getByRole('button', { name: 'Open the backup' }).click();
  await expect(page.getByText('This backup is encrypted: enter its passphrase.')).toBeVisible();
  await page.locator('#restore-pass').fill('wrong');
  await page.getByRole('button', { name: 'Open the backup' }).click();
  await expect(page.getByText('The passphrase is wrong, or the file was changed after it was written.')).toBeVisible();
  await page.locator('#restore-pass').fill('每月1日 backup');
  await page.getByRole('button', { name: 'Open the backup' }).click();

  // What the backup holds against the archive: customers 2 against 3, one not in the backup.
  const customers = page.locator('.restore-diff').getByRole('row', { name: /^Customer/ });
  await expect(customers.getByRole('cell')).toHaveText(['2', '3', '0', '0', '1']);
  await page.getByRole('button', { name: 'Replace the archive with this backup' }).click();
  await expect(page.getByText(/Everything in this browser's archive is replaced/)).toBeVisible();
  await page.getByRole('button', { name: 'Yes' }).click();
  await expect(page.getByText('Restored from the backup: 2 customers.')).toBeVisible();

  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await expect(countLine(page)).toHaveText('2 of 2 customers');
  await expect(page.getByRole('row', { name: /Added after the backup/ })).toHaveCount(0);
  await page.reload();
  await expect(countLine(page)).toHaveText('2 of 2 customers');
  await page.getByRole('row', { name: /华联广告「北京」/ }).click();
  await page.getByRole('tab', { name: /History/ }).click();
  await expect(page.locator('.history-entry')).toHaveCount(1);
});

test('a file that is not a whole backup is refused with its reason and changes nothing', async ({ page }) => {
  await openApp(page);
  await createCustomer(page, '星河会展');
  const { path } = await backUp(page);
  const bytes = fs.readFileSync(path);
  await createCustomer(page, 'Kept');
  await toSettings(page);
  const cases = [
    ['notes.csv', Buffer.from('客户名称,电话\n华联广告,13900001111\n'), 'This is not a Dossier backup file.'],
    ['empty.dossier', Buffer.alloc(0), 'The file is empty.'],
    ['cut.dossier', bytes.subarray(0, bytes.length - 10), /The file is cut short: \d+ of \d+ bytes/],
  ];
  for (const [name, buffer, message] of cases) {
    await page.getByLabel('Backup file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
    await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Open the backup' })).toHaveCount(0);
  }
  // A changed byte in the body: the header reads, the contents do not.
  const changed = Buffer.from(bytes);
  changed[changed.length - 5] ^= 1;
  await page.getByLabel('Backup file').setInputFiles({ name: 'changed.dossier', mimeType: 'application/octet-stream', buffer: changed });
  await page.getByRole('button', { name: 'Open the backup' }).click();
  await expect(page.getByText(/The contents do not match the backup's checksum/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Replace the archive with this backup' })).toHaveCount(0);

  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await expect(countLine(page)).toHaveText('2 of 2 customers');
});

test('the backup reminder can be put off for the day, and stays off after a reload', async ({ page }) => {
  await openApp(page);
  const reminder = page.getByRole('status').filter({ hasText: 'It is time for the monthly backup' });
  await expect(countLine(page)).toHaveText('0 of 0 customers');
  await expect(reminder).toHaveCount(0);
  await createCustomer(page, '星河会展');
  await expect(reminder).toBeVisible();
  await reminder.getByRole('link', { name: 'Back up now' }).click();
  await expect(page.getByRole('heading', { name: 'Backup', exact: true })).toBeVisible();
  await reminder.getByRole('button', { name: 'Later' }).click();
  await expect(reminder).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Backup', exact: true })).toBeVisible();
  await expect(reminder).toHaveCount(0);
});

async function rename(page, from, to) {
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('row', { name: new RegExp(from) }).click();
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Customer name').fill(to);
  await page.getByLabel('Reason for the change').fill('renamed');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: to })).toBeVisible();
}

test('merge a backup: what changed on one side comes over, what changed on both is decided by the user', async ({ page }) => {
  await openApp(page);
  await createCustomer(page, 'Alpha');
  const { path: before } = await backUp(page, '', 'before.dossier');
  // The "desk": a new customer and a rename, backed up.
  await createCustomer(page, 'Delta');
  await rename(page, 'Alpha', 'Alpha desk');
  const { path: desk } = await backUp(page, '', 'desk.dossier');
  // The "laptop": the archive as it was before, then its own rename and customer.
  await toSettings(page);
  await page.getByLabel('Backup file').setInputFiles(before);
  await page.getByRole('button', { name: 'Open the backup' }).click();
  await page.getByRole('button', { name: 'Replace the archive with this backup' }).click();
  await page.getByRole('button', { name: 'Yes' }).click();
  await expect(page.getByText('Restored from the backup: 1 customers.')).toBeVisible();
  await rename(page, 'Alpha', 'Alpha laptop');
  await createCustomer(page, 'Charlie');

  // Merge the desk's backup into the laptop's archive.
  await toSettings(page);
  await page.getByLabel('Backup file').setInputFiles(desk);
  await page.getByRole('button', { name: 'Open the backup' }).click();
  await page.getByRole('button', { name: 'Merge into the archive' }).click();
  await expect(page.locator('.merge-review .summary-line')).toContainText('were changed on both sides');
  await expect(page.locator('.merge-review .summary-line')).toContainText('; 1 were changed');
  const conflict = page.locator('.merge-conflicts tbody tr');
  await expect(conflict).toHaveCount(1);
  await expect(conflict).toContainText('Alpha laptop');
  await expect(conflict).toContainText('changed here and in the backup');
  await conflict.getByRole('combobox').selectOption('backup');
  await page.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(page.getByText(/Merged: \d+ records taken from the backup, 1 conflicts decided\./)).toBeVisible();

  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await expect(countLine(page)).toHaveText('3 of 3 customers');
  for (const name of ['Alpha desk', 'Charlie', 'Delta']) {
    await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();
  }
  // Both renames are in the merged history.
  await page.getByRole('row', { name: /Alpha desk/ }).click();
  await page.getByRole('tab', { name: /History/ }).click();
  await expect(page.locator('.history-entry').filter({ hasText: 'Changed' })).toHaveCount(2);
  await page.reload();
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await expect(countLine(page)).toHaveText('3 of 3 customers');
});
