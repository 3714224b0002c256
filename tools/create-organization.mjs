#!/usr/bin/env node
// Operator CLI: creates a customer organization and its first admin on a running deployment.
//   OPERATOR_KEY=... npm run org:create -- --organization "Beta Foods" --name "Bo Admin" --email bo@beta.example [--url http://localhost:3000]
// The admin's password comes from ORG_ADMIN_PASSWORD (never a flag: flags land in shell history); when it is
// unset, a strong one is generated and printed once.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.POSTPROBER_URL ?? 'http://localhost:3000' },
    organization: { type: 'string' },
    name: { type: 'string' },
    email: { type: 'string' },
  },
});
const fail = (message, code = 2) => {
  process.stderr.write(`${message}\n`);
  process.exit(code);
};
const missing = ['organization', 'name', 'email'].filter((k) => !values[k]);
if (missing.length) fail(`Missing ${missing.map((k) => `--${k}`).join(', ')}.\nUsage: OPERATOR_KEY=... npm run org:create -- --organization NAME --name ADMIN_NAME --email ADMIN_EMAIL [--url URL]`);
if (!process.env.OPERATOR_KEY) fail('OPERATOR_KEY is not set: use the same value as the deployment.');

const generated = !process.env.ORG_ADMIN_PASSWORD;
const password = process.env.ORG_ADMIN_PASSWORD || randomBytes(18).toString('base64url');
let res;
try {
  res = await fetch(new URL('/api/operator/organizations', values.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-operator-key': process.env.OPERATOR_KEY },
    body: JSON.stringify({ organization_name: values.organization, name: values.name, email: values.email, password }),
  });
} catch (error) {
  fail(`Cannot reach ${values.url}: ${error.cause?.message ?? error.message}`, 1);
}
const body = await res.json().catch(() => ({}));
if (res.status !== 201) {
  const message = Array.isArray(body.message) ? body.message.join('; ') : body.message ?? res.statusText;
  fail(`Refused (${res.status}): ${message}`, 1);
}
process.stdout.write(`Created organization "${body.organization.name}" (${body.organization.id}) with admin ${body.admin.email}\n`);
if (generated) process.stdout.write(`Admin password (shown once; ask them to keep it safe): ${password}\n`);
