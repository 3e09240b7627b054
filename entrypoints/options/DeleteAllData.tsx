import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { OutcomeLine, type Outcome } from './Outcome';
import { t } from '@/utils/i18n';

type Step = 'idle' | 'confirm' | 'busy';

/** The question asked before deleting, in the UI language (read once, as the module loads). */
export const DELETE_QUESTION = t('delete_question');

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
    setOutcome(problem ? { kind: 'error', text: problem } : { kind: 'ok', text: t('delete_done') });
    moveTo('idle', 'opener');
  }

  return (
    <section class="danger-zone" aria-labelledby="delete-all-heading">
      <h2 id="delete-all-heading">{t('delete_heading')}</h2>
      <p class="field__hint">{t('delete_hint')}</p>
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
          {t('delete_button')}
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
              {step === 'busy' ? t('delete_busy') : t('delete_confirm')}
            </button>
            <button
              ref={cancel}
              type="button"
              class="button"
              disabled={step === 'busy'}
              onClick={() => moveTo('idle', 'opener')}
            >
              {t('delete_cancel')}
            </button>
          </div>
        </div>
      )}
      <OutcomeLine outcome={outcome} testId="delete-outcome" />
    </section>
  );
}
