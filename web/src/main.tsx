// The explorer's shell: a skip link, the navigation and the current view.
import { render } from 'preact';
import { takeTokenFromAddress } from './api';
import { useRoute } from './route';
import { Flows } from './views/Flows';
import { Entry } from './views/Entry';
import { Timeline } from './views/Timeline';
import { Report } from './views/Report';
import { Actor } from './views/Actor';
import { Actors, Reports } from './views/Lists';
import { WorldMap } from './views/WorldMap';
import { Search } from './views/Search';
import { Ingest } from './views/Ingest';
import './style.css';

const NAV: [string, string][] = [
  ['flows', 'Flows'], ['timeline', 'Timeline'], ['map', 'Map'], ['reports', 'Reports'],
  ['actors', 'Actors'], ['search', 'Search'], ['ingest', 'Ingest'],
];
/** Views reached from another view count as part of that view's section in the navigation. */
const SECTION: Record<string, string> = { entry: 'flows', report: 'reports', actor: 'actors' };

function App() {
  const route = useRoute();
  const section = SECTION[route.view] ?? route.view;
  const view = (() => {
    switch (route.view) {
      case 'entry': return <Entry route={route} />;
      case 'timeline': return <Timeline route={route} />;
      case 'report': return <Report route={route} />;
      case 'reports': return <Reports />;
      case 'actor': return <Actor route={route} />;
      case 'actors': return <Actors />;
      case 'map': return <WorldMap />;
      case 'search': return <Search route={route} />;
      case 'ingest': return <Ingest />;
      default: return <Flows route={route} />;
    }
  })();
  return (
    <>
      <a class="skip" href="#main" onClick={(ev) => { ev.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to content</a>
      <header>
        <span class="brand">trawl</span>
        <nav aria-label="Views">
          <ul>{NAV.map(([id, label]) => <li key={id}><a href={`#/${id}`} aria-current={section === id ? 'page' : undefined}>{label}</a></li>)}</ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>{view}</main>
    </>
  );
}

takeTokenFromAddress();
render(<App />, document.getElementById('app')!);
