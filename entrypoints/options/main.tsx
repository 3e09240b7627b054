import { render } from 'preact';
import '@/components/theme.css';
import './style.css';
import { localizePage } from '@/utils/i18n';
import { App } from './App';

localizePage('options_title');
render(<App />, document.getElementById('app')!);
