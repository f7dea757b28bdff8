/**
 * Image helpers: PNG and NIfTI encoding/decoding and channel conversion for `RasterImage`s.
 * (`toImageData` for browsers lives in `platform/browser-image.ts`.)
 *
 * @module
 */
export { encodePng } from './png-encode.js';
export { decodePng } from './png-decode.js';
export { rgbaToRgb } from './rgba.js';
export { encodeNifti, decodeNifti } from './nifti.js';
