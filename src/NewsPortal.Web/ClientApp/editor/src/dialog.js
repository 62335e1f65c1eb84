// A small form in a native <dialog>: modal, keeps focus inside, Escape cancels, Enter submits, and focus returns to
// the button that opened it. Resolves to the field values, or null when cancelled.
let counter = 0;

export function openDialog({ title, fields, submitLabel, extraAction = null }) {
  return new Promise((resolve) => {
    const opener = document.activeElement;
    const id = `newsroom-dialog-${++counter}`;
    const dialog = document.createElement('dialog');
    dialog.className = 'newsroom-dialog';
    dialog.setAttribute('aria-labelledby', `${id}-title`);
    const form = document.createElement('form');
    form.method = 'dialog';
    form.noValidate = true;
    const heading = document.createElement('h2');
    heading.id = `${id}-title`;
    heading.textContent = title;
    form.append(heading);

    const inputs = fields.map((field) => {
      const wrap = document.createElement('div');
      wrap.className = 'field';
      const label = document.createElement('label');
      label.htmlFor = `${id}-${field.name}`;
      label.textContent = field.label;
      const input = document.createElement('input');
      input.id = `${id}-${field.name}`;
      input.name = field.name;
      input.type = field.type || 'text';
      input.value = field.value || '';
      input.autocomplete = 'off';
      if (field.required) input.required = true;
      const described = [];
      wrap.append(label);
      if (field.hint) {
        const hint = document.createElement('span');
        hint.className = 'field-hint';
        hint.id = `${id}-${field.name}-hint`;
        hint.textContent = field.hint;
        described.push(hint.id);
        wrap.append(hint);
      }
      const error = document.createElement('span');
      error.className = 'field-error';
      error.id = `${id}-${field.name}-error`;
      described.push(error.id);
      input.setAttribute('aria-describedby', described.join(' '));
      wrap.append(input, error);
      form.append(wrap);
      return { field, input, error };
    });

    const actions = document.createElement('div');
    actions.className = 'editor-actions';
    const submit = document.createElement('button');
    submit.type = 'submit';
    submit.className = 'button';
    submit.textContent = submitLabel;
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.className = 'button button-secondary';
    cancel.textContent = 'Cancel';
    actions.append(submit);
    let extra = null;
    if (extraAction) {
      extra = document.createElement('button');
      extra.type = 'button';
      extra.className = 'button button-secondary';
      extra.textContent = extraAction.label;
      actions.append(extra);
    }
    actions.append(cancel);
    form.append(actions);
    dialog.append(form);
    document.body.append(dialog);

    let result = null;
    const finish = () => {
      dialog.close();
    };
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (opener && typeof opener.focus === 'function' && document.contains(opener)) opener.focus();
      resolve(result);
    });
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
