/**
 * The search page's filters (SearchPage.astro's #search-filters): one folding section per filter
 * with a checkbox per value, the number of results each would leave, and on narrow screens one
 * button that shows or hides them all, saying how many options are chosen.
 */
import { element } from './results-view.ts';
import { filterNames, sortValues, type SearchState } from './state.ts';

interface Row {
  row: HTMLElement;
  count: HTMLElement;
  box: HTMLInputElement;
}

export class FiltersView {
  private readonly rows = new Map<string, Row>();
  private readonly panel: HTMLElement;
  private readonly toggle: HTMLButtonElement;
  private readonly clear: HTMLButtonElement;

  /** `changed` runs whenever the reader ticks or clears an option. */
  constructor(
    root: HTMLElement,
    private readonly changed: (filters: SearchState['filters'], cleared: boolean) => void,
  ) {
    this.panel = root.querySelector<HTMLElement>('#search-filters')!;
    this.toggle = root.querySelector<HTMLButtonElement>('#filters-toggle')!;
    this.clear = root.querySelector<HTMLButtonElement>('#search-clear')!;
    const body = root.querySelector<HTMLElement>('#filters-body')!;
    this.toggle.addEventListener('click', () => {
      const open = this.toggle.getAttribute('aria-expanded') !== 'true';
      this.toggle.setAttribute('aria-expanded', String(open));
      body.hidden = !open;
    });
    this.clear.addEventListener('click', () => {
      for (const box of this.panel.querySelectorAll<HTMLInputElement>('input:checked')) box.checked = false;
      for (const count of this.panel.querySelectorAll('.filter__chosen')) count.textContent = '';
      this.changed({}, true);
    });
  }

  /** A section for each filter the index has, with the chosen values ticked. */
  show(available: Record<string, Record<string, number>>, chosen: SearchState['filters']): void {
    for (const [name, legend] of filterNames) {
      const values = sortValues(Object.keys(available[name] ?? {}));
      // The page may name a filter in the plan's own words: its top level is "Strategic Objective" in one plan, "Priority" in another.
      const named = this.panel.dataset[`legend${name[0].toUpperCase()}${name.slice(1)}`] || legend;
      if (values.length) this.panel.querySelector('.filters__list')!.append(this.section(name, named, values, new Set(chosen[name] ?? [])));
    }
    this.panel.hidden = !this.panel.querySelector('details');
  }

  private section(name: string, legend: string, values: string[], chosen: Set<string>): HTMLDetailsElement {
    const details = element('details', { className: 'filter' });
    const summary = element('summary', {}, legend);
    const count = element('span', { className: 'filter__chosen' });
    summary.append(count);
    const fieldset = element('fieldset');
    fieldset.append(element('legend', { className: 'visually-hidden' }, legend));
    values.forEach((value, i) => {
      const id = `filter-${name}-${i}`;
      const box = element('input', { type: 'checkbox', id, name, value, checked: chosen.has(value) });
      const results = element('span', { className: 'filter__count' });
      const label = element('label', { htmlFor: id }, value);
      label.append(results);
      const row = element('div', { className: 'checkbox' });
      row.append(box, label);
      fieldset.append(row);
      this.rows.set(`${name}\n${value}`, { row, count: results, box });
    });
    details.append(summary, fieldset);
    const update = () => {
      const n = fieldset.querySelectorAll(':checked').length;
      count.textContent = n ? ` (${n} chosen)` : '';
    };
    update();
    details.open = chosen.size > 0;
    fieldset.addEventListener('change', () => {
      update();
      this.changed(this.chosen(), false);
    });
    return details;
  }

  /** The values ticked, by filter name. */
  chosen(): SearchState['filters'] {
    const filters: SearchState['filters'] = {};
    for (const box of this.panel.querySelectorAll<HTMLInputElement>('input:checked')) (filters[box.name] ??= []).push(box.value);
    return filters;
  }

  /** Each option's count of results; an option with none is hidden unless it is chosen. */
  updateCounts(counts: Record<string, Map<string, number>>): void {
    for (const [key, { row, count, box }] of this.rows) {
      const [name, value] = key.split('\n');
      const n = counts[name]?.get(value) ?? 0;
      count.textContent = ` (${n})`;
      row.hidden = n === 0 && !box.checked;
    }
    for (const details of this.panel.querySelectorAll<HTMLDetailsElement>('details.filter')) {
      details.hidden = !details.querySelector('.checkbox:not([hidden])');
    }
  }

  /** The clear button only when something is chosen; on narrow screens the toggle says how many. */
  updateChosen(filters: SearchState['filters']): void {
    const n = Object.values(filters).flat().length;
    this.clear.hidden = n === 0;
    this.toggle.querySelector('.filters__toggle-count')!.textContent = n ? ` (${n} chosen)` : '';
  }
}
