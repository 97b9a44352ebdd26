import { expect, type Page } from '@playwright/test';

/**
 * The «no raw words» check (issue 15, docs/adr/024-words.md): what a Russian user sees on a screen — the visible
 * text plus the `title`, `aria-label` and `placeholder` attributes — must not contain keys, enum tokens, "n/a",
 * the server's English problem messages or English words (brand names and data aside).
 */

/** The server's problem titles and details (platform/server `ApiProblem` and its callers) a UI could pass on. */
export const SERVER_MESSAGES = [
  'Wrong email or password',
  'Invalid request',
  'Unauthorized',
  'Forbidden',
  'Not found',
  'was not found',
  'Conflict',
  'Too many requests',
  'Payload too large',
  'The request has invalid fields',
  'The request is not valid',
  'A user with this email already exists',
  'This account is disabled',
  "This company's account is suspended",
  'The access token is not valid',
  'The refresh token',
  'There is no session to refresh',
  'Only the owner or a head of sales assigns leads',
  "Only the owner and the ROP see the team's queue",
  'The lead already has an open call task',
  "The lead's phone number cannot receive WhatsApp",
  'The stage still holds',
  'A funnel has at most',
  'A system stage',
  'You cannot',
  "The tenant's channel is not the sandbox",
  'The tenant is suspended',
  'A company with the code',
  'The client is waiting for a reply',
  'The client did not answer the reminders',
];

/**
 * Latin words a Russian screen may show, each with its reason: brand and product names, the language switch, and
 * «Email» (the sign-in and staff forms' label; every browser test finds the fields by it).
 */
const ALLOWED_LATIN = new Set([
  'WhatsApp', // brand
  'BuildCRM', // product
  'CRM', // product
  'ChatFlow', // provider brand
  'Meta', // provider brand
  'Cloud', // «Meta Cloud API», the provider's name
  'API', // «Meta Cloud API», «OpenAI-совместимый API»
  'OpenAI', // the LLM protocol's name
  'RU', // language switch
  'EN', // language switch
  'Email', // the e-mail field's label
  'E-mail',
  'e-mail',
  'iPhone', // the push hint names the device
  'GMT', // a time zone's offset, «Казахстан (GMT+5)»
  'Kaspi', // the Kazakh bank clients pay through, named in the panel-houses pack's knowledge base
  'C', // «−40 °C» in the panel-houses pack's knowledge base
]);

const TLDS = new Set(['com', 'kz', 'ru', 'dev', 'test', 'org', 'net', 'io', 'app', 'local', 'example']);
const FILES = new Set(['pdf', 'jpg', 'jpeg', 'png', 'webp', 'gif', 'mp4', 'ogg', 'mp3', 'txt', 'doc', 'docx', 'xlsx']);

export interface Finding {
  screen: string;
  kind: string;
  token: string;
  context: string;
}

/** The screen's words: visible text and the attributes assistive technology and tooltips read. */
export async function screenText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attributes = [...document.querySelectorAll('[title], [aria-label], [placeholder]')]
      .filter(
        (element) => !(element instanceof HTMLElement) || element.offsetParent !== null || element === document.body,
      )
      .flatMap((element) => ['title', 'aria-label', 'placeholder'].map((name) => element.getAttribute(name) ?? ''))
      .filter((value) => value !== '');
    return [document.title, document.body.innerText, ...attributes].join('\n');
  });
}

function around(text: string, index: number, length: number): string {
  return text.slice(Math.max(0, index - 40), index + length + 40).replace(/\s+/g, ' ');
}

/**
 * The raw words in `text`. `data` are strings the user or the test entered (company codes, e-mails, names) that
 * may be Latin; `fieldKeys` the pack's field keys.
 */
export function findRawWords(screen: string, text: string, fieldKeys: string[], data: string[] = []): Finding[] {
  const findings: Finding[] = [];
  const add = (kind: string, token: string, index: number) =>
    findings.push({ screen, kind, token, context: around(text, index, token.length) });

  for (const message of SERVER_MESSAGES) {
    const at = text.indexOf(message);
    if (at >= 0) add('server message', message, at);
  }
  for (const key of fieldKeys) {
    const match = new RegExp(`(?<![\\p{L}\\d_])${key}(?![\\p{L}\\d_])`, 'u').exec(text);
    if (match) add('field key', key, match.index);
  }
  const na = /\bn\/a\b/i.exec(text);
  if (na) add('n/a', na[0], na.index);

  // data and addresses are not words: blank them out (keeping offsets) before looking at Latin tokens
  let rest = text;
  const blank = (pattern: RegExp) => {
    rest = rest.replace(pattern, (found) => ' '.repeat(found.length));
  };
  blank(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g); // e-mails
  blank(/\bhttps?:\/\/\S*/g); // URLs (and an empty link field's «https://»)
  for (const item of [...data].sort((a, b) => b.length - a.length)) {
    if (item) blank(new RegExp(item.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'));
  }
  blank(/\/(crm|admin|api)\/\S*/g); // app paths
  blank(/\+?\d[\d\s()-]{6,}\d/g); // phone numbers
  blank(/•+\S*/g); // a stored secret's visible tail

  for (const match of rest.matchAll(/\b[a-z]+(?:\.[a-z0-9-]+)+\b/g)) {
    const last = match[0].split('.').pop() ?? '';
    if (TLDS.has(last) || FILES.has(last)) continue;
    add('dotted key', match[0], match.index);
  }
  for (const match of rest.matchAll(/\b[a-z]+(?:_[a-z0-9]+)+\b/g)) add('snake_case key', match[0], match.index);
  for (const match of rest.matchAll(/\b[A-Z]{2,}(?:_[A-Z]+)*\b/g)) {
    if (!ALLOWED_LATIN.has(match[0])) add('upper-case token', match[0], match.index);
  }
  for (const match of rest.matchAll(/(?<![\p{L}\d])[A-Za-z][A-Za-z]*(?:-[A-Za-z]+)*(?![\p{L}\d])/gu)) {
    const word = match[0];
    if (ALLOWED_LATIN.has(word) || /^[A-Z]{2,}$/.test(word)) continue;
    add('English word', word, match.index);
  }
  // one finding per token and kind is enough to read
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.kind}:${finding.token}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Waits until the screen settled: no loader spins (the CRM's event stream keeps the network busy for good). */
export async function settle(page: Page) {
  await expect(page.locator('.mantine-Loader-root:visible')).toHaveCount(0, { timeout: 10_000 });
}

export function report(findings: Finding[]): string {
  return findings.map((f) => `[${f.screen}] ${f.kind}: «${f.token}» … ${f.context} …`).join('\n');
}
