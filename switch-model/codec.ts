import { weft } from './generated/switch.js';
import { type SwitchSpec, validateSwitchSpec } from './spec.js';

/**
 * The protobuf wire form of a switch spec, through the static code generated from
 * switch.proto (`npm run proto`).
 *
 * The generated module is plain JavaScript with a generated .d.ts beside it; `tsc` does not
 * emit it, so the `build` script copies switch-model/generated/ into dist/ verbatim
 * (test/build-imports.test.ts checks that every import of product code reaches dist/).
 */

/** Encodes a spec in the protobuf wire format (the cross-process form). */
export function encodeSwitchSpec(spec: SwitchSpec): Uint8Array {
  const message = weft.switchmodel.SwitchSpec.fromObject(spec);
  return weft.switchmodel.SwitchSpec.encode(message).finish();
}

/** Decodes protobuf bytes back into a validated spec. */
export function decodeSwitchSpec(bytes: Uint8Array): SwitchSpec {
  const message = weft.switchmodel.SwitchSpec.decode(bytes);
  const object = weft.switchmodel.SwitchSpec.toObject(message, { enums: String, longs: Number, defaults: true, arrays: true });
  return validateSwitchSpec(object, 'encoded switch spec');
}
