/**
 * The bad-input table of the reliability suite: each case is a call with one invalid argument
 * (geometry, ids, levels, sizes, `maxDim`, annotation JSON, connect options) and the problem its
 * `PhasInputError` must name. The specs run the table against a live client and check that no
 * request reached the server. Browser-safe.
 */
import {
  AnnotationTask,
  Client,
  DLTrainingTask,
  drawSamplingRoi,
  planTiles,
  SamplingROIPatchExtractor,
  SamplingROITask,
  Slide,
  tileMask,
  type AnnotationDocument,
  type AnnotationRecord,
  type Geometry,
} from '../../src/index.js';
import { seed } from '@phas/dev-server/seed';

/** The objects the cases act on (opened before the table runs). */
export interface BadInputContext {
  url: string;
  client: Client;
  annot: AnnotationTask;
  dltrain: DLTrainingTask;
  sampling: SamplingROITask;
  /** A slide whose pyramid header is already cached (so level checks need no request). */
  slide: Slide;
}

/** One invalid call. */
export interface BadInputCase {
  group: 'geometry' | 'ids' | 'levels and sizes' | 'maxDim' | 'annotation JSON' | 'options';
  name: string;
  call(ctx: BadInputContext): Promise<unknown>;
  /** What the message must say. */
  message: RegExp;
  /** The argument the error must name (`error.argument` starts with it). */
  argument: string;
}

const TRIANGLE: [number, number][] = [[100, 100], [300, 120], [200, 260]];

/** Invalid geometries with the problem each must be reported as. */
export const BAD_GEOMETRIES: { name: string; geometry: unknown; message: RegExp }[] = [
  { name: 'NaN vertex', geometry: { type: 'polygon', data: [[0, 0], [NaN, 5], [9, 9]] }, message: /finite/ },
  { name: 'Infinity vertex', geometry: { type: 'polygon', data: [[0, 0], [5, Infinity], [9, 9]] }, message: /finite/ },
  { name: 'one vertex', geometry: { type: 'polygon', data: [[10, 10]] }, message: /at least 2 vertices/ },
  { name: 'three-number polygon vertices', geometry: { type: 'polygon', data: [[0, 0, 1], [9, 0, 1], [9, 9, 1]] }, message: /data\[0\]/ },
  { name: 'trapezoid with equal end points', geometry: { type: 'trapezoid', data: [[500, 500, 100], [500, 500, 200]] }, message: /axis points must differ/ },
  { name: 'coordinate 2^31 (beyond int32)', geometry: { type: 'polygon', data: [[0, 0], [2 ** 31, 0], [0, 9]] }, message: /2\^31/ },
  { name: 'coordinate -3e9', geometry: { type: 'polygon', data: [[0, 0], [9, -3e9], [0, 9]] }, message: /2\^31/ },
  { name: 'string coordinates', geometry: { type: 'polygon', data: [['0', 0], [9, 0], [9, 9]] }, message: /data\[0\]/ },
  { name: 'unknown type', geometry: { type: 'circle', data: [[0, 0, 5]] }, message: /type must be 'polygon' or 'trapezoid'/ },
  { name: 'data not an array', geometry: { type: 'polygon', data: '0,0,9,9' }, message: /data must be an array/ },
  { name: 'null', geometry: null, message: /must be an object/ },
];

function geometryCases(): BadInputCase[] {
  return BAD_GEOMETRIES.flatMap(({ name, geometry, message }): BadInputCase[] => [
    { group: 'geometry', name: `createSamplingRoi: ${name}`, message, argument: 'geometry', call: (c) => c.sampling.createSamplingRoi(c.slide.slideId, 1, geometry as Geometry) },
    { group: 'geometry', name: `SamplingROIPatchExtractor.create: ${name}`, message, argument: 'geometry', call: (c) => SamplingROIPatchExtractor.create(c.slide, geometry as Geometry) },
    { group: 'geometry', name: `planTiles: ${name}`, message, argument: 'geometry', call: () => planTiles(geometry) },
  ]);
}

const IDS: [string, unknown][] = [
  ['0', 0],
  ['negative', -3],
  ['fractional', 1.5],
  ['a string', '2'],
  ['NaN', NaN],
  ['beyond 2^53', 2 ** 53],
];

function idCases(): BadInputCase[] {
  const id = /must be a positive integer/;
  return IDS.flatMap(([name, value]): BadInputCase[] => [
    { group: 'ids', name: `client.task(${name})`, message: id, argument: 'taskId', call: (c) => c.client.task(value as number) },
    { group: 'ids', name: `Slide.open(task, ${name})`, message: id, argument: 'slideId', call: (c) => Slide.open(c.sampling, value as number) },
    { group: 'ids', name: `getSampleImage(${name})`, message: id, argument: 'sampleId', call: (c) => c.dltrain.getSampleImage(value as number) },
    { group: 'ids', name: `createSamplingRoi(slide, label ${name})`, message: id, argument: 'labelId', call: (c) => c.sampling.createSamplingRoi(c.slide.slideId, value as number, { type: 'polygon', data: TRIANGLE }) },
    { group: 'ids', name: `getSlideAnnotJson(${name})`, message: id, argument: 'slideId', call: (c) => c.annot.getSlideAnnotJson(value as number) },
  ]);
}

function levelAndSizeCases(): BadInputCase[] {
  const patch = (c: BadInputContext, o: Record<string, unknown>) =>
    c.slide.getPatch({ center: [1500, 1000], level: 0, size: [64, 64], ...o } as Parameters<Slide['getPatch']>[0]);
  const polygon: Geometry = { type: 'polygon', data: TRIANGLE };
  return [
    { group: 'levels and sizes', name: 'getPatch level 99 (the slide has 3)', message: /level must be between 0 and 2/, argument: 'level', call: (c) => patch(c, { level: 99 }) },
    { group: 'levels and sizes', name: 'getPatch level -1', message: /non-negative integer/, argument: 'level', call: (c) => patch(c, { level: -1 }) },
    { group: 'levels and sizes', name: 'getPatch level 0.5', message: /non-negative integer/, argument: 'level', call: (c) => patch(c, { level: 0.5 }) },
    { group: 'levels and sizes', name: 'getPatch size [0, 64]', message: /positive integer/, argument: 'size[0]', call: (c) => patch(c, { size: [0, 64] }) },
    { group: 'levels and sizes', name: 'getPatch size [64, -1]', message: /positive integer/, argument: 'size[1]', call: (c) => patch(c, { size: [64, -1] }) },
    { group: 'levels and sizes', name: 'getPatch size [100000, 80000] (32 GB of RGBA)', message: /read it in smaller patches/, argument: 'size', call: (c) => patch(c, { size: [100_000, 80_000] }) },
    { group: 'levels and sizes', name: 'getPatch size of three numbers', message: /two numbers/, argument: 'size', call: (c) => patch(c, { size: [64, 64, 1] }) },
    { group: 'levels and sizes', name: 'getPatch center NaN', message: /finite number/, argument: 'center[0]', call: (c) => patch(c, { center: [NaN, 1000] }) },
    { group: 'levels and sizes', name: 'getPatch tileSize -256', message: /non-negative integer/, argument: 'tileSize', call: (c) => patch(c, { tileSize: -256 }) },
    { group: 'levels and sizes', name: 'extractor tileSize 0', message: /positive integer/, argument: 'tileSize', call: (c) => SamplingROIPatchExtractor.create(c.slide, polygon, { tileSize: 0 }) },
    { group: 'levels and sizes', name: 'extractor padding -1', message: /non-negative integer/, argument: 'padding', call: (c) => SamplingROIPatchExtractor.create(c.slide, polygon, { padding: -1 }) },
    { group: 'levels and sizes', name: 'planTiles subTilesPerTile 0', message: /integer ≥ 1/, argument: 'subTilesPerTile', call: () => planTiles(polygon, { subTilesPerTile: 0 }) },
    {
      group: 'levels and sizes',
      name: 'planTiles grid of 2^31 × 2^31 level-0 pixels at tileSize 1 (too large a canvas)',
      message: /too large/,
      argument: 'geometry',
      call: () => planTiles({ type: 'polygon', data: [[-2e9, -2e9], [2e9, -2e9], [2e9, 2e9]] }, { tileSize: 1 }),
    },
    {
      group: 'levels and sizes',
      name: 'tileMask index outside the grid',
      message: /outside the/,
      argument: 'index',
      call: async () => tileMask(polygon, await planTiles(polygon, { tileSize: 256 }), [5, 0]),
    },
    {
      group: 'levels and sizes',
      name: 'drawSamplingRoi scaled beyond int32 (scaleX 1e8)',
      message: /2\^31/,
      argument: 'geometry',
      call: () => drawSamplingRoi({ width: 8, height: 8, data: new Uint8Array(64) }, polygon, { scaleX: 1e8 }),
    },
  ];
}

function maxDimCases(): BadInputCase[] {
  const cases: [string, unknown][] = [['0', 0], ['-5', -5], ['1.5', 1.5], ['"1000"', '1000']];
  return cases.flatMap(([name, maxDim]): BadInputCase[] => [
    { group: 'maxDim', name: `thumbnailNiftiImage maxDim ${name}`, message: /positive integer/, argument: 'maxDim', call: (c) => c.slide.thumbnailNiftiImage({ maxDim: maxDim as number }) },
    { group: 'maxDim', name: `slideSamplingRoiNiftiImage maxDim ${name}`, message: /positive integer/, argument: 'options.maxDim', call: (c) => c.sampling.slideSamplingRoiNiftiImage(c.slide.slideId, { maxDim: maxDim as number }) },
  ]);
}

function annotationCases(): BadInputCase[] {
  const cyclic: unknown[] = ['Layer', { children: [] }];
  (cyclic[1] as { children: unknown[] }).children.push(['Group', cyclic[1]]);
  const docs: [string, unknown, RegExp, string][] = [
    ['an object instead of layers', { children: [] }, /non-empty array of paper.js layers/, 'data'],
    ['an empty array', [], /non-empty array/, 'data'],
    ['a string', '[["Layer", {}]]', /non-empty array/, 'data'],
    ['a layer without properties', [['Layer']], /paper.js item/, 'data[0]'],
    ['children not an array', [['Layer', { children: 'none' }]], /children must be an array/, 'data[0][1].children'],
    ['a NaN segment', [['Layer', { children: [['Path', { segments: [[NaN, 1], [2, 3]] }]] }]], /finite numbers/, 'data[0][1].children[0][1].segments[0]'],
    ['a one-number segment', [['Layer', { children: [['Path', { segments: [[1], [2, 3]] }]] }]], /finite numbers/, 'data[0][1].children[0][1].segments[0]'],
  ];
  const cases = docs.map(([name, doc, message, argument]): BadInputCase => ({
    group: 'annotation JSON',
    name: `setSlideAnnotJson: ${name}`,
    message,
    argument,
    call: (c) => c.annot.setSlideAnnotJson(c.slide.slideId, doc as AnnotationDocument),
  }));
  cases.push({
    group: 'annotation JSON',
    name: 'importTaskAnnots: a record with an empty slide_name',
    message: /slide_name must be a non-empty string/,
    argument: 'records[0].slide_name',
    call: (c) => c.annot.importTaskAnnots([{ slide_name: '', slide_id: 2, annot: [['Layer', { children: [] }]] }] as AnnotationRecord[]),
  });
  return cases;
}

function optionCases(): BadInputCase[] {
  const connect = (c: BadInputContext, o: Record<string, unknown>, url = c.url) =>
    Client.connect(url, { apiKey: 'not-sent', fetch: () => Promise.reject(new Error('no request expected')), ...o });
  return [
    { group: 'options', name: 'connect timeout -1', message: /non-negative integer/, argument: 'options.timeout', call: (c) => connect(c, { timeout: -1 }) },
    { group: 'options', name: 'connect retry "3"', message: /count or a RetryPolicy/, argument: 'options.retry', call: (c) => connect(c, { retry: '3' }) },
    { group: 'options', name: 'connect concurrency 0', message: /positive integer/, argument: 'options.concurrency', call: (c) => connect(c, { concurrency: 0 }) },
    { group: 'options', name: 'connect with an unknown option', message: /not a known option/, argument: 'options.apikey', call: (c) => connect(c, { apikey: 'x' }) },
    { group: 'options', name: 'connect apiKey ""', message: /must not be empty/, argument: 'apiKey', call: (c) => connect(c, { apiKey: '  ' }) },
    { group: 'options', name: 'connect apiKey {} (parsed key file without api_key)', message: /api_key/, argument: 'apiKey', call: (c) => connect(c, { apiKey: {} }) },
    { group: 'options', name: 'connect to an ftp: URL', message: /http: or https:/, argument: 'url', call: (c) => connect(c, {}, 'ftp://phas.example.org') },
    { group: 'options', name: 'connect to a URL with credentials', message: /credentials/, argument: 'url', call: (c) => connect(c, {}, 'http://user:secret@127.0.0.1:1') },
  ];
}

/** The whole table. */
export function badInputCases(): BadInputCase[] {
  return [...geometryCases(), ...idCases(), ...levelAndSizeCases(), ...maxDimCases(), ...annotationCases(), ...optionCases()];
}

/** Opens the context's objects (these requests happen before the table runs). */
export async function openBadInputContext(url: string, client: Client): Promise<BadInputContext> {
  const [annot, dltrain, sampling] = await Promise.all([
    AnnotationTask.open(client, seed.tasks.annot.id),
    DLTrainingTask.open(client, seed.tasks.dltrain.id),
    SamplingROITask.open(client, seed.tasks.sampling.id),
  ]);
  const slide = await sampling.slide(seed.slides.tau.id);
  await slide.levelDownsamples();
  return { url, client, annot, dltrain, sampling, slide };
}
