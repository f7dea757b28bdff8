/**
 * A data table with a quick text filter and sortable columns; rows are clickable.
 * Rows are the server's objects (keys unchanged), shown through column definitions.
 */
import { h, replace } from './dom.js';

/** One column: which key to show, its heading, and optionally how to render the cell. */
export interface Column<Row> {
  key: keyof Row & string;
  label: string;
  /** Cell content; default: the value as text (`null`/`undefined` empty). */
  format?: (row: Row) => string | Node;
  /** Right-align (numbers). */
  numeric?: boolean;
}

/** What a table shows and does. */
export interface TableOptions<Row> {
  columns: Column<Row>[];
  rows: Row[];
  /** Stable `data-testid` prefix: `<id>` on the table, `<id>-row` on rows, `<id>-filter` on the filter box. */
  testId: string;
  /** Identity of a row (`data-id`). */
  rowId: (row: Row) => string | number;
  /** Called when a row is clicked or activated with Enter. */
  onSelect?: (row: Row) => void;
  /** Text shown when no row matches. */
  empty?: string;
  /** Placeholder of the filter box. */
  filterPlaceholder?: string;
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return text(a).localeCompare(text(b), undefined, { numeric: true });
}

/**
 * Builds the table element (with its filter box) for the given rows.
 *
 * @example
 * ```ts
 * section.append(dataTable({
 *   columns: [{ key: 'id', label: 'Id' }, { key: 'disp_name', label: 'Name' }],
 *   rows: projects, testId: 'projects', rowId: (p) => p.id, onSelect: (p) => open(p),
 * }));
 * ```
 */
export function dataTable<Row extends object>(options: TableOptions<Row>): HTMLElement {
  const { columns, testId } = options;
  let sortKey: string | undefined;
  let sortDir = 1;
  const filter = h('input', {
    type: 'search',
    class: 'table-filter',
    placeholder: options.filterPlaceholder ?? 'Filter…',
    'aria-label': 'Filter rows',
    'data-testid': `${testId}-filter`,
  });
  const tbody = h('tbody');
  const count = h('span', { class: 'table-count', 'data-testid': `${testId}-count` });
  const headRow = h('tr');

  const cell = (row: Row, column: Column<Row>) =>
    column.format ? column.format(row) : text((row as Record<string, unknown>)[column.key]);
  /** What the filter matches: the text shown in the cell. */
  const shown = (row: Row, column: Column<Row>) => {
    const content = cell(row, column);
    return typeof content === 'string' ? content : (content.textContent ?? '');
  };

  function render(): void {
    const needle = filter.value.trim().toLowerCase();
    let rows = options.rows.filter(
      (row) => needle === '' || columns.some((c) => shown(row, c).toLowerCase().includes(needle)),
    );
    if (sortKey !== undefined) {
      const key = sortKey;
      rows = [...rows].sort((a, b) => sortDir * compare((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
    }
    count.textContent = `${rows.length} of ${options.rows.length}`;
    if (rows.length === 0) {
      replace(tbody, h('tr', {}, h('td', { colspan: columns.length, class: 'empty' }, options.empty ?? 'Nothing to show.')));
      return;
    }
    replace(
      tbody,
      ...rows.map((row) => {
        const tr = h(
          'tr',
          { 'data-testid': `${testId}-row`, 'data-id': String(options.rowId(row)) },
          ...columns.map((c) => h('td', { class: c.numeric ? 'num' : null }, cell(row, c))),
        );
        if (options.onSelect) {
          const select = options.onSelect;
          tr.tabIndex = 0;
          tr.classList.add('clickable');
          tr.addEventListener('click', () => select(row));
          tr.addEventListener('keydown', (e) => {
            if (e.key === 'Enter') select(row);
          });
        }
        return tr;
      }),
    );
  }

  for (const column of columns) {
    const th = h('th', { scope: 'col', class: column.numeric ? 'num' : null, tabindex: 0, title: 'Sort' }, column.label);
    const sort = () => {
      sortDir = sortKey === column.key ? -sortDir : 1;
      sortKey = column.key;
      for (const other of headRow.children) other.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', sortDir > 0 ? 'ascending' : 'descending');
      render();
    };
    th.addEventListener('click', sort);
    th.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') sort();
    });
    headRow.append(th);
  }
  filter.addEventListener('input', render);
  render();
  return h(
    'div',
    { class: 'table-wrap' },
    h('div', { class: 'table-tools' }, filter, count),
    h('table', { class: 'data', 'data-testid': testId }, h('thead', {}, headRow), tbody),
  );
}
