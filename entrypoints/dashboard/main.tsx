import { render } from 'preact';
import '@/components/theme.css';
import '@/components/today.css';
import '@/components/history/history.css';
import './style.css';
import { App } from './App';
import { createBrowserPort } from './port';

render(<App port={createBrowserPort()} />, document.getElementById('app')!);
