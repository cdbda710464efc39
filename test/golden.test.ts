/**
 * Golden fixtures: test/fixtures/<case>/input.txt converts to test/fixtures/<case>/expected.json, byte for byte.
 * Rewrite the expectations only deliberately, with `UPDATE=1 npx vitest run test/golden.test.ts`, and read
 * the diff before committing it. Every produced graph also passes the invariant checker.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertSync } from '../src/index.js';
import { decodeText } from '../src/ingest/index.js';
import { checkInvariants } from './helpers/invariants.js';

const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;
const cases = readdirSync(FIXTURES).filter((c) => existsSync(join(FIXTURES, c, 'input.txt')));

describe('golden fixtures', () => {
  it.each(cases)('%s', (name) => {
    const bytes = readFileSync(join(FIXTURES, name, 'input.txt'));
    const graph = convertSync(bytes, { path: `${name}/input.txt` });
    checkInvariants(graph, decodeText(bytes).raw);
    const actual = JSON.stringify(graph, null, 2) + '\n';
    const file = join(FIXTURES, name, 'expected.json');
    if (process.env.UPDATE === '1' || !existsSync(file)) writeFileSync(file, actual);
    expect(actual).toBe(readFileSync(file, 'utf8'));
  });
});
