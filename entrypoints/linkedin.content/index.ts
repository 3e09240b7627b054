import { defineContentScript } from 'wxt/utils/define-content-script';
import { startBadge } from './controller';

export default defineContentScript({
  // All of LinkedIn: users reach their profile from the feed without a reload. Off profile
  // URLs the script does nothing but compare the URL.
  matches: ['https://www.linkedin.com/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  main(ctx) {
    startBadge(ctx);
  },
});
