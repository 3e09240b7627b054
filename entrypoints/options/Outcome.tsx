/** What a button of the options page did, in words: busy, done or failed. */
export type Outcome = { kind: 'ok' | 'error' | 'busy'; text: string } | null;

/** An outcome's line: a live region, announced as an alert when it is a failure. */
export function OutcomeLine(props: { outcome: Outcome; testId: string }) {
  const { outcome } = props;
  return (
    <p
      class={`outcome outcome--${outcome?.kind ?? 'none'}`}
      role={outcome?.kind === 'error' ? 'alert' : 'status'}
      data-testid={props.testId}
    >
      {outcome?.text}
    </p>
  );
}
