// A small form in a native <dialog>: modal, keeps focus inside, Escape cancels, Enter submits, and focus returns to
// the button that opened it. Resolves to the field values, or null when cancelled.
import { button, el, modal } from './modal.js';

export function openDialog({ title, fields, submitLabel, extraAction = null }) {
  return new Promise((resolve) => {
    const { id, dialog, heading, closed } = modal('dialog', 'newsroom-dialog', title);
    const form = el('form', { method: 'dialog', noValidate: true }, heading);

    const inputs = fields.map((field) => {
      const label = el('label', { htmlFor: `${id}-${field.name}`, textContent: field.label });
      const input = el('input', {
        id: `${id}-${field.name}`,
        name: field.name,
        type: field.type || 'text',
        value: field.value || '',
        autocomplete: 'off',
        required: Boolean(field.required),
      });
      const hint = field.hint ? el('span', { className: 'field-hint', id: `${id}-${field.name}-hint`, textContent: field.hint }) : null;
      const error = el('span', { className: 'field-error', id: `${id}-${field.name}-error` });
      input.setAttribute('aria-describedby', [hint?.id, error.id].filter(Boolean).join(' '));
      form.append(el('div', { className: 'field' }, ...[label, hint, input, error].filter(Boolean)));
      return { field, input, error };
    });

    const submit = button(submitLabel, 'button', 'submit');
    const cancel = button('Cancel');
    const extra = extraAction ? button(extraAction.label) : null;
    form.append(el('div', { className: 'editor-actions' }, ...[submit, extra, cancel].filter(Boolean)));
    dialog.append(form);
    document.body.append(dialog);

    let result = null;
    const finish = () => {
      dialog.close();
    };
    closed.then(() => resolve(result));
    cancel.addEventListener('click', finish);
    extra?.addEventListener('click', () => {
      result = extraAction.value;
      finish();
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      let firstInvalid = null;
      for (const { field, input, error } of inputs) {
        const value = input.value;
        let message = null;
        if (field.required && !value.trim()) message = `${field.label.replace(/ \(.*\)$/, '')} is required.`;
        else if (field.validate) message = field.validate(value);
        error.textContent = message || '';
        if (message) input.setAttribute('aria-invalid', 'true');
        else input.removeAttribute('aria-invalid');
        if (message && !firstInvalid) firstInvalid = input;
      }
      if (firstInvalid) {
        firstInvalid.focus();
        return;
      }
      result = Object.fromEntries(inputs.map(({ field, input }) => [field.name, input.value]));
      finish();
    });
    dialog.showModal();
    inputs[0]?.input.focus();
  });
}
