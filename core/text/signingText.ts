// The English wording of the name, pack-signing and recent-project problems (core/text/names.ts,
// core/library/packSigning.ts, core/settings): merged into core/i18n/problemText.ts's table, by code; the Chinese is the problem's own message.
type Params = Record<string, string | number>;
const claimed = (p: Params) => (p.claimed ? `calling itself “{claimed}”, ` : '');
const DRAFTS =
  'its clauses arrive as drafts that must be reviewed and approved in this library before documents use them';

export const SIGNING_EN: Record<string, string | ((p: Params) => string)> = {
  name_invisible:
    'The {labelEn} contains an invisible character {codePoint} ({charEn}) and was refused: delete it and type the name again',
  name_empty: 'The {labelEn} must not be empty',
  name_too_long: 'The {labelEn} is too long ({length} characters, at most {max})',
  name_lookalike:
    'The {labelEn} “{name}” looks the same as the existing “{other}” and would be mistaken for it: use the existing name or a clearly different one',
  pack_signed_trusted:
    'Signed by {name} (fingerprint {fingerprint}), a trusted signer: the approvals in the pack are kept',
  pack_signed_untrusted: (p) =>
    `This pack is signed by a signer you do not trust (${claimed(p)}fingerprint {fingerprint}): ${DRAFTS}. Once you have checked the fingerprint with the sender, add their key under Settings → Trusted signers and import again`,
  pack_signature_invalid: (p) =>
    `The signature of this pack does not match its contents (${claimed(p)}key fingerprint {fingerprint}): the pack was changed after it was signed. ${DRAFTS[0]!.toUpperCase()}${DRAFTS.slice(1)}; ask the sender for the original file`,
  pack_unsigned: `This pack is not signed, so who made it cannot be confirmed: ${DRAFTS}`,
  bad_key:
    'Not a usable public signing key: expected the text BidForge shows for a key (a line starting with “bidforge-ed25519:”), an Ed25519 public key in PEM, or the bare key',
  signer_exists: 'This key is already a trusted signer (named “{name}”)',
  signer_name_taken: 'There is already a signer named “{name}”: choose another name',
  signer_not_found: 'No trusted signer has the fingerprint {fingerprint}',
  recent_too_deep:
    'Values in the project nest more than {max} levels deep, so it was not added to Recent projects; the project itself is not affected',
  recent_too_large:
    'The project is over {max} characters, so it was not added to Recent projects; the project itself is not affected',
  own_key: 'This is this library’s own signing key: packs made here are trusted already',
};
