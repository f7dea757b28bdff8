import { expect, it } from 'vitest';
import { taskModeName } from '../src/app/task-modes.js';

it('names the four PHAS task modes and keeps unknown ones', () => {
  expect(['annot', 'dltrain', 'sampling', 'browse', 'future'].map(taskModeName)).toEqual([
    'Annotation',
    'Training samples',
    'Sampling ROIs',
    'Browse',
    'future',
  ]);
});
