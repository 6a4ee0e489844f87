import '../shared/zod-config';
import '../ui/base.css';
import './options.css';
import { render } from 'preact';
import { Options } from './app';

render(<Options />, document.getElementById('app')!);
