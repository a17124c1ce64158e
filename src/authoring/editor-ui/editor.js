// The editor page's script: forms built from the configuration the server generates from the
// schemas (editor-config.ts). Every value from the content is put on the page as text, never as
// HTML, except a body's preview, which is the site's own sanitised rendering from the server. A
// save sends only the fields that changed; first the server is asked which of the check's warnings
// about dates outside the plan the save would add (the plan's range is in the configuration, shown
// as the field's hint): they are shown beside their fields, and a second press ("Save anyway")
// saves. The server writes the fields line by line and answers with what the check found in that
// file, shown beside its fields.
'use strict';

const state = { previewUrl: '', partnerships: [], partnership: '', current: undefined };

/** An element with attributes and children (text or elements). */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (key === 'text') node.textContent = value;
    else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, String(value));
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

async function load() {
  const response = await fetch('/api/content');
  const content = await response.json();
  state.previewUrl = content.previewUrl;
  state.partnerships = content.partnerships;
  if (!state.partnerships.some((p) => p.partnership === state.partnership)) state.partnership = state.partnerships[0]?.partnership ?? '';
  showPreviewLink();
  showFileList();
}

function partnership() {
  return state.partnerships.find((p) => p.partnership === state.partnership);
}

function showPreviewLink() {
  const preview = document.getElementById('preview');
  preview.replaceChildren(
    'Live preview of the site: ',
    el('a', { href: state.previewUrl, target: 'preview', rel: 'noopener', text: state.previewUrl }),
    '. Open it beside this window, and reload it after each save.',
  );
}

function showFileList() {
  const nav = document.getElementById('files');
  const current = partnership();
  const children = [];
  if (state.partnerships.length > 1) {
    const choose = el('select', { id: 'partnership' });
    for (const p of state.partnerships)
      choose.append(el('option', { value: p.partnership, selected: p.partnership === state.partnership, text: p.partnership }));
    choose.addEventListener('change', () => {
      state.partnership = choose.value;
      showFileList();
    });
    children.push(el('label', { for: 'partnership', text: 'Partnership' }), choose);
  }
  for (const collection of current?.config.collections ?? []) {
    const files = current.files.filter((f) => f.type === collection.type);
    const list = el('ul');
    for (const file of files) {
      const open = el('button', { type: 'button', text: String(file.data.title ?? file.data.name ?? file.id) });
      open.addEventListener('click', () => showForm(collection, file));
      list.append(el('li', {}, open));
    }
    const add = collection.type === 'partnership' ? undefined : el('button', { type: 'button', text: `New ${collection.noun}` });
    add?.addEventListener('click', () => showForm(collection, undefined));
    children.push(el('h2', { text: `${capital(collection.noun)} (${files.length})` }), add, list);
  }
  nav.replaceChildren(...children);
}

function capital(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What `npm run new` would call a file with this title: the server answers with the tool's own rule (src/authoring/ids.ts). */
async function idFromTitle(title) {
  const response = await fetch(`/api/id?title=${encodeURIComponent(title)}`);
  return response.ok ? (await response.json()).id : '';
}

/** The form for a file, or for a new one when `file` is undefined. */
function showForm(collection, file) {
  state.current = { collection, file, inputs: new Map(), updates: [] };
  const form = el('form', { novalidate: false });
  const heading = file ? `${capital(collection.noun)}: ${file.file}` : `New ${collection.noun}`;
  form.append(el('h2', { text: heading }), el('div', { id: 'form-problems', role: 'status' }));
  if (!file) form.append(fileNameField());
  for (const field of collection.fields) form.append(fieldBlock(field, file?.data[field.name]));
  form.append(fieldBlock(collection.body, file?.body ?? ''), previewBlock());
  const save = el('button', { type: 'submit', text: file ? 'Save changes' : `Save new ${collection.noun}` });
  state.current.save = save;
  form.append(save);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (form.reportValidity()) void submit(form);
  });
  document.getElementById('editor').replaceChildren(form);
  for (const name of planPickers) document.getElementById(`f-${name}`)?.addEventListener('change', showPlanRange);
  showPlanRange();
}

/** The pickers that say which plan a file is in, most particular first (as the check links them). */
const planPickers = ['objective', 'priority', 'plan'];

/** The days the chosen objective's, priority's or plan's plan runs: the server puts them on each choice. */
function planRange() {
  for (const name of planPickers) {
    const field = state.current.collection.fields.find((f) => f.name === name && f.widget === 'relation');
    const value = document.getElementById(`f-${name}`)?.value;
    const chosen = field?.options?.find((option) => option.value === value);
    if (chosen?.range) return chosen.range;
  }
  return undefined;
}

/**
 * Shows the plan's range as the hint of each date that should fall within it. Only a hint: a date
 * outside it is the check's warning, not an error, so the date pickers get no min or max (the
 * browser would refuse the date).
 */
function showPlanRange() {
  const range = planRange();
  const words = range ? range.sentence : '';
  for (const hint of document.querySelectorAll('.plan-range')) hint.textContent = words;
}

/** A place beside a date field for the range its plan allows. */
function rangeHint(id) {
  return el('p', { class: 'hint plan-range', id: `${id}-range`, 'aria-live': 'polite' });
}

/** "Preview" beside the body: the server renders it as the site will, sanitised the same way; nothing is saved. */
function previewBlock() {
  const shown = el('div', { class: 'preview', id: 'f-body-preview', 'aria-live': 'polite' });
  const button = el('button', { type: 'button', text: 'Preview', 'aria-controls': shown.id });
  button.addEventListener('click', () => void preview(shown));
  return el('div', { class: 'field' }, button, shown);
}

async function preview(shown) {
  const response = await post('/api/preview', { text: state.current.body.node.value });
  const answer = await response.json();
  if (!response.ok) {
    shown.replaceChildren(el('p', { class: 'problem', text: answer.error }));
    return;
  }
  // The site's own sanitised HTML, parsed in an inert template (nothing in it runs or loads while
  // parsed), under a page policy that allows no inline script either way.
  const template = document.createElement('template');
  template.innerHTML = answer.html;
  const rendered = el('div', { class: 'prose' });
  rendered.append(template.content);
  shown.replaceChildren(el('p', { class: 'hint', text: 'Preview, as the site will show it (not saved):' }), rendered);
}

function post(address, body) {
  return fetch(address, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

function fileNameField() {
  const input = el('input', { type: 'text', id: 'f-id', name: 'id', required: true, pattern: '[a-z0-9]+(-[a-z0-9]+)*', maxlength: 100 });
  input.dataset.touched = '';
  input.addEventListener('input', () => (input.dataset.touched = 'yes'));
  state.current.idInput = input;
  return el(
    'div',
    { class: 'field' },
    el('label', { for: 'f-id', text: 'File name' }),
    el('p', { class: 'hint', text: 'Lower-case letters and digits joined by hyphens; filled in from the title.' }),
    input,
  );
}

/** One field: its label, hint, input, and a place for the check's problems. */
function fieldBlock(field, value) {
  const id = `f-${field.name}`;
  const input = inputFor(field, value, id);
  const hint = field.hint ? el('p', { class: 'hint', id: `${id}-hint`, text: field.hint }) : undefined;
  const problems = el('div', { class: 'field-problems', id: `${id}-problems` });
  if (state.current.collection.withinPlan.includes(field.name) && input.kind === undefined) {
    input.node.setAttribute('aria-describedby', [hint?.id, `${id}-range`, problems.id].filter(Boolean).join(' '));
    const label = el('label', { for: id, text: field.required ? `${field.label} (required)` : field.label });
    return el('div', { class: 'field' }, label, hint, rangeHint(id), input.node, problems);
  }
  if (input.kind === 'group') return el('fieldset', { class: 'field' }, el('legend', { text: field.label }), hint, input.node, problems);
  if (input.kind === 'progress')
    return el('fieldset', { class: 'field' }, el('legend', { text: 'Progress updates' }), input.node, problems);
  const label = el('label', { for: id, text: field.required ? `${field.label} (required)` : field.label });
  return el('div', { class: 'field' }, label, hint, input.node, problems);
}

/** The input for a field's widget; values it cannot edit are shown, to be changed in the file. */
function inputFor(field, value, id) {
  const read = (fn) => state.current.inputs.set(field.name, { read: fn, was: value });
  if (field.name === 'progress' && field.widget === 'list') return progressInput(field, value);
  if (field.widget === 'list' && field.item?.widget === 'relation') return checkboxList(field, value, read);
  if (field.widget === 'select' || field.widget === 'relation') return selectInput(field, value, id, read);
  if (field.widget === 'markdown') {
    const area = el('textarea', { id, required: field.required && field.name !== 'body' });
    area.value = value == null ? '' : String(value);
    if (field.name === 'body') state.current.body = { node: area, was: area.value };
    else read(() => area.value);
    return { node: area };
  }
  if (['string', 'date', 'number', 'boolean'].includes(field.widget) && (value == null || typeof value !== 'object'))
    return plainInput(field, value, id, read);
  if (value === undefined || (Array.isArray(value) && value.length === 0))
    return { node: el('p', { class: 'readonly', id, text: 'Not set. This field is written in the file itself.' }) };
  return { node: el('pre', { class: 'readonly', id, text: `Change this in the file itself:\n${JSON.stringify(value, null, 2)}` }) };
}

function plainInput(field, value, id, read) {
  const types = { string: 'text', date: 'date', number: 'number', boolean: 'checkbox' };
  const input = el('input', {
    type: types[field.widget],
    id,
    required: field.required && field.widget !== 'boolean',
    pattern: field.pattern,
  });
  if (field.widget === 'boolean') input.checked = value === true;
  else input.value = value == null ? '' : String(value);
  if (field.name === 'title' && state.current.idInput) {
    const idInput = state.current.idInput;
    input.addEventListener('input', () => {
      const title = input.value;
      void idFromTitle(title).then((id) => {
        // Only the answer for the title as it still is, and never over a name the author typed.
        if (idInput.dataset.touched !== 'yes' && input.value === title) idInput.value = id;
      });
    });
  }
  read(() => {
    if (field.widget === 'boolean') return input.checked;
    if (field.widget === 'number') return input.value === '' ? null : Number(input.value);
    return input.value;
  });
  return { node: input };
}

function selectInput(field, value, id, read) {
  const select = el('select', { id, required: field.required });
  select.append(el('option', { value: '', text: field.required ? 'Choose…' : '(none)' }));
  const options = field.options ?? [];
  for (const option of options) {
    const label = option.label === option.value ? option.value : `${option.label} (${option.value})`;
    select.append(el('option', { value: option.value, selected: option.value === value, text: label }));
  }
  if (value != null && value !== '' && !options.some((o) => o.value === value))
    select.append(el('option', { value: String(value), selected: true, text: String(value) }));
  read(() => select.value);
  return { node: select };
}

function checkboxList(field, value, read) {
  const chosen = Array.isArray(value) ? value.map(String) : [];
  const boxes = [];
  const list = el('div');
  const options = [...(field.item.options ?? [])];
  for (const extra of chosen) if (!options.some((o) => o.value === extra)) options.push({ value: extra, label: extra });
  options.forEach((option, n) => {
    const box = el('input', { type: 'checkbox', id: `f-${field.name}-${n}`, value: option.value, checked: chosen.includes(option.value) });
    boxes.push(box);
    list.append(el('div', {}, box, ' ', el('label', { for: box.id, text: option.label })));
  });
  // The ones chosen before keep their order; new ones follow, so a save only adds lines.
  read(() => {
    const ticked = boxes.filter((b) => b.checked).map((b) => b.value);
    return [...chosen.filter((v) => ticked.includes(v)), ...ticked.filter((v) => !chosen.includes(v))];
  });
  return { node: list, kind: 'group' };
}

/** The updates so far, and a small form to add one: each added update is saved at the end of the list. */
function progressInput(field, value) {
  const earlier = Array.isArray(value) ? value : [];
  state.current.inputs.set('progress', { read: () => [...earlier, ...state.current.updates], was: value });
  const list = el('ol');
  for (const update of earlier) list.append(el('li', { text: `${update.date ?? ''}: ${update.text ?? ''}` }));
  const parts = el('div', { class: 'new-update' }, el('h3', { text: 'Add a progress update' }));
  const inputs = new Map();
  for (const sub of field.item.fields ?? []) {
    const id = `f-progress-${sub.name}`;
    let read = () => '';
    const keep = (fn) => (read = fn);
    const input = updateInput(sub, id, keep);
    inputs.set(sub.name, { node: input.node, read: () => read() });
    const withinPlan = state.current.collection.withinPlan.includes(`${field.name}.${sub.name}`);
    if (withinPlan) input.node.setAttribute('aria-describedby', `${id}-range`);
    const label = el('label', { for: id, text: `Update: ${sub.label.toLowerCase()}` });
    parts.append(el('div', { class: 'field' }, label, withinPlan ? rangeHint(id) : undefined, input.node));
  }
  const add = el('button', { type: 'button', text: 'Add this update' });
  const added = el('p', { role: 'status' });
  add.addEventListener('click', () => {
    const update = {};
    for (const [name, input] of inputs) {
      const v = input.read();
      if (v !== '' && v != null) update[name] = v;
    }
    if (!update.date || !update.text) {
      added.textContent = 'An update needs a date and its text.';
      return;
    }
    state.current.updates.push(update);
    list.append(el('li', { text: `${update.date}: ${update.text} (not saved yet)` }));
    for (const input of inputs.values()) input.node.value = '';
    added.textContent = 'Added: press "Save changes" to write it.';
  });
  parts.append(add, added);
  return { node: el('div', {}, list, parts), kind: 'progress' };
}

/** One field of a new progress update: its date, who, status, rating or text. */
function updateInput(given, id, read) {
  // Checked when the update is added, not when the file is saved without one.
  const field = { ...given, required: false };
  if (field.widget === 'select' || field.widget === 'relation') return selectInput(field, undefined, id, read);
  if (field.widget === 'markdown') {
    const area = el('textarea', { id });
    read(() => area.value);
    return { node: area };
  }
  return plainInput(field, undefined, id, read);
}

function isEmpty(value) {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** The fields that differ from the file as it was (for a new file, every one that is filled). */
function changes() {
  const result = {};
  for (const [name, input] of state.current.inputs) {
    const now = input.read();
    if (isEmpty(now) && isEmpty(input.was)) continue;
    if (JSON.stringify(now) !== JSON.stringify(input.was ?? null)) result[name] = isEmpty(now) ? null : now;
  }
  return result;
}

async function submit(form) {
  const { collection, file } = state.current;
  const request = {
    partnership: state.partnership,
    type: collection.type,
    id: file ? file.id : state.current.idInput.value,
    isNew: !file,
    changes: changes(),
  };
  if (state.current.body.node.value !== state.current.body.was) request.body = state.current.body.node.value;
  const box = document.getElementById('form-problems');
  // A second press of the same save, after its warnings were shown, is the author's decision: save.
  const asked = JSON.stringify(request);
  if (state.current.warned !== asked) {
    box.replaceChildren(el('p', { text: 'Checking the dates…' }));
    // The check's own warnings, run on the file as this save would write it.
    const dates = await post('/api/dates', request);
    const warnings = dates.ok ? (await dates.json()).warnings : [];
    if (warnings.length > 0) {
      state.current.warned = asked;
      state.current.save.textContent = 'Save anyway';
      box.replaceChildren(
        el('p', {
          class: 'problem warning',
          text: 'Not saved yet: a date is outside its plan (see beside the field). Check it; to save it as it is, press "Save anyway".',
        }),
      );
      showBeside(warnings, box);
      document.querySelector('.field-problems .problem')?.closest('.field')?.querySelector('input, select, textarea')?.focus();
      return;
    }
  }
  box.replaceChildren(el('p', { text: 'Saving…' }));
  const response = await post('/api/save', request);
  const answer = await response.json();
  if (!response.ok) {
    box.replaceChildren(el('p', { class: 'problem', text: answer.error }));
    return;
  }
  await load();
  const saved = partnership().files.find((f) => f.type === collection.type && f.id === request.id);
  if (saved) showForm(collection, saved);
  showProblems(answer);
  void form;
}

/** Each problem the check found, in its words, beside its field when it names one, else in `box`. */
function showBeside(problems, box) {
  for (const old of document.querySelectorAll('.field-problems')) old.replaceChildren();
  for (const problem of problems) {
    const words = `${problem.field ? `${problem.field}: ` : ''}${problem.message}${problem.hint ? ` (${problem.hint})` : ''}`;
    const note = el('p', { class: problem.severity === 'warning' ? 'problem warning' : 'problem', text: words });
    const name = (problem.field ?? '').split(/[.[]/)[0];
    const place = name ? document.getElementById(`f-${name}-problems`) : null;
    (place ?? box).append(note);
  }
}

/** What the check found in the saved file: each beside its field when it names one, else at the top. */
function showProblems(answer) {
  const box = document.getElementById('form-problems');
  const errors = answer.problems.filter((p) => p.severity !== 'warning').length;
  const summary =
    errors === 0
      ? `Saved ${answer.file}. The check found no errors in it.`
      : `Saved ${answer.file}, but the check found ${errors} ${errors === 1 ? 'error' : 'errors'} to fix:`;
  box.replaceChildren(el('p', { class: errors === 0 ? 'saved' : 'problem', text: summary }));
  showBeside(answer.problems, box);
}

load().catch(() => {
  document
    .getElementById('files')
    .replaceChildren(el('p', { class: 'problem', text: 'The content could not be loaded: see the terminal the editor runs in.' }));
});
