// Former home of the library contract, kept as an import path for the renderer's screens and the CLI: the contract is
// core/library/contract.ts. New code imports from there.
export * from '../library/contract.js';
