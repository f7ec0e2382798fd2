// Shared by the card tests.
import { expect } from 'vitest';
import { BidForgeError } from '@core/model/problem.js';

/** The BidForgeError a promise rejects with (fails the test when it resolves or throws something else). */
export async function thrown(p: Promise<unknown>): Promise<BidForgeError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(BidForgeError);
  return e as BidForgeError;
}
