import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { OutcomeLine, type Outcome } from './Outcome';

type Step = 'idle' | 'confirm' | 'busy';

export const DELETE_QUESTION =
  'Delete everything? This removes your API key, settings, cached scores and history from this browser.';

/**
 * "Delete all data", in its own section: the button asks first, inline (Delete or Cancel, with
 * the focus on Cancel; Esc cancels), then runs `onDelete`, which resolves with null once all is
 * deleted or with the sentence that says why not. The focus returns to the button afterwards.
 */
export function DeleteAllData(props: { onDelete: () => Promise<string | null> }) {
  const [step, setStep] = useState<Step>('idle');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  // Where the focus goes once the step on screen has rendered.
  const focusNext = useRef<'opener' | 'cancel' | null>(null);

  useLayoutEffect(() => {
    if (focusNext.current === 'cancel') cancel.current?.focus();
    if (focusNext.current === 'opener') opener.current?.focus();
    focusNext.current = null;
  }, [step]);

  const moveTo = (next: Step, focus: 'opener' | 'cancel' | null) => {
    focusNext.current = focus;
    setStep(next);
  };

  async function onConfirm() {
    moveTo('busy', null);
    const problem = await props.onDelete();
    setOutcome(problem ? { kind: 'error', text: problem } : { kind: 'ok', text: 'All data deleted.' });
    moveTo('idle', 'opener');
  }

  return (
    <section class="danger-zone" aria-labelledby="delete-all-heading">
      <h2 id="delete-all-heading">Delete all data</h2>
      <p class="field__hint">
        Removes everything this extension keeps in this browser and gives back the permissions you granted it.
        Your ConnectSafely account and its key are not changed.
      </p>
      {step === 'idle' ? (
        <button
          ref={opener}
          type="button"
          class="button button--danger"
          onClick={() => {
            setOutcome(null);
            moveTo('confirm', 'cancel');
          }}
        >
          Delete all data
        </button>
      ) : (
        <div
          class="danger-zone__confirm"
          role="group"
          aria-labelledby="delete-all-question"
          onKeyDown={(event) => {
            if (event.key === 'Escape' && step === 'confirm') moveTo('idle', 'opener');
          }}
        >
          <p id="delete-all-question" class="danger-zone__question">
            {DELETE_QUESTION}
          </p>
          <div class="options__buttons">
            <button
              type="button"
              class="button button--danger"
              disabled={step === 'busy'}
              onClick={() => void onConfirm()}
            >
              {step === 'busy' ? 'Deleting…' : 'Delete'}
            </button>
            <button
              ref={cancel}
              type="button"
              class="button"
              disabled={step === 'busy'}
              onClick={() => moveTo('idle', 'opener')}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
      <OutcomeLine outcome={outcome} testId="delete-outcome" />
    </section>
  );
}
