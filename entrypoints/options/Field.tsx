import type { ComponentChildren } from 'preact';

/**
 * One labelled field of the settings form: the control (`children`, whose id is `id`), then its
 * hint (`<id>-hint`), any `notes`, and its problem (`<id>-problem`), which the control's
 * `aria-describedby` names.
 */
export function Field(props: {
  id: string;
  label: string;
  hint?: string;
  problem?: string;
  notes?: ComponentChildren;
  children: ComponentChildren;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.children}
      {props.hint && (
        <p class="field__hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.notes}
      {props.problem && (
        <p class="field__problem" id={`${props.id}-problem`}>
          {props.problem}
        </p>
      )}
    </div>
  );
}
