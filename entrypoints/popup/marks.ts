/**
 * The popup's marks in its page's timeline (`performance.mark`): when the first frame was drawn
 * and when the app first rendered. Read by `npm run bench` and the popup's e2e test.
 */
export const POPUP_MARKS = { firstFrame: 'popup:first-frame', app: 'popup:app' } as const;
