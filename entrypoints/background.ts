import { defineBackground } from 'wxt/utils/define-background';
import { startWorker } from '@/utils/worker';

export default defineBackground(() => {
  startWorker();
});
