import '../ui/base.css';
import './popup.css';
import { startPopup } from './app';

startPopup(document.getElementById('app')!, location.search);
