// Every test worker gets its own empty data folder unless a test sets one: nothing ever writes to ~/.bidforge.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.BIDFORGE_DATA ??= mkdtempSync(join(tmpdir(), 'bidforge-test-data-'));
