export { referenceFillPolygon, referenceTileSums } from './fill.js';
