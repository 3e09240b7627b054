/** WXT loads this module from `modules/`: pages get their CSS inline (see the plugin's notes). */
import { addViteConfig, defineWxtModule } from 'wxt/modules';
import { inlineStylesheets } from '../scripts/inline-stylesheets';

export default defineWxtModule((wxt) => {
  addViteConfig(wxt, () => ({ plugins: [inlineStylesheets()] }));
});
