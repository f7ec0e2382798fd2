// The tender channel's implementation: decode the file and read it (core/tender/read.ts).
import type { TenderHandlers } from './contract.js';
import { readTender } from './read.js';

export function createTenderHandlers(): TenderHandlers {
  return {
    async readTender({ fileName, data }) {
      return readTender(new Uint8Array(Buffer.from(data, 'base64')), fileName);
    },
  };
}
