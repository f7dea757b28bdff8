/** The wire rows of E23 (sampling ROIs) and E27 (training samples), which share most keys. */
import { pyFloat, type PyJson } from '../http/pyjson.js';
import type { BoxRow, DevState } from './state.js';

/**
 * A listing row in the server's key order: the box fields, then the one key where E23 and E27
 * differ (`json` for ROIs, `have_patch` for samples), then the edit metadata and label colour.
 */
export function boxListingRow(state: DevState, row: BoxRow, middle: { [k: string]: PyJson }): { [k: string]: PyJson } {
  return {
    id: row.id,
    x0: pyFloat(row.x0),
    y0: pyFloat(row.y0),
    x1: pyFloat(row.x1),
    y1: pyFloat(row.y1),
    label: row.label,
    slide: row.slide,
    task: row.task,
    meta_id: row.metaId,
    ...middle,
    creator: row.creator,
    editor: row.editor,
    t_create: pyFloat(row.tCreate),
    t_edit: pyFloat(row.tEdit),
    color: state.labels.find((l) => l.id === row.label)?.color ?? null,
  };
}
