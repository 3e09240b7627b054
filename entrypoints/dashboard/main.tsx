import { render } from 'preact';
import '@/components/theme.css';
import '@/components/today.css';
import '@/components/history/history.css';
import './style.css';
import { localizePage } from '@/utils/i18n';
import { App } from './App';
import { createBrowserPort } from './port';

localizePage('dashboard_title');
render(<App port={createBrowserPort()} />, document.getElementById('app')!);
