import '../ui/base.css';
import './options.css';
import { render } from 'preact';
import { readOnSettingsPage } from '../wording/errors';
import { localiseDocument } from '../wording/i18n';
import { Options } from './app';

localiseDocument('optionsTitle');
readOnSettingsPage();

render(<Options />, document.getElementById('app')!);
