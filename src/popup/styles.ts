// The popup's styles in cascade order; a page that mounts the popup's panels imports this too.
import '../ui/base.css';
import './popup.css';
import './card.css';
import './list.css';
import './states.css';
import './details.css';
import './watch.css';
