import '../ui/base.css';
import './options.css';
import { render } from 'preact';
import { localiseDocument } from '../wording/i18n';
import { Options } from './app';

localiseDocument('optionsTitle');

render(<Options />, document.getElementById('app')!);
