import './styles';
import { localiseDocument } from '../wording/i18n';
import { startPopup } from './app';

localiseDocument('popupTitle');

startPopup(document.getElementById('app')!, location.search);
