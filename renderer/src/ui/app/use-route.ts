import { useCallback, useEffect, useState } from 'react';
import { leaveOrAsk } from '../drafts/navigation-guard';
import { parseRoute, type Route, routeHref } from './routes';

/**
 * The current hash route. Leaving a page that has unsaved changes asks first (drafts/), whether
 * the app navigates, a link is clicked, or the back button is pressed: the address is put back
 * until the user answers.
 */
export function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    let shown = window.location.hash;
    const onChange = () => {
      const target = window.location.hash;
      if (target === shown) return;
      // replaceState fires no hashchange: the page stays as it is while the user decides.
      window.history.replaceState(window.history.state, '', shown || '#/');
      leaveOrAsk(() => {
        shown = target;
        window.history.replaceState(window.history.state, '', target);
        setRoute(parseRoute(target));
      });
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: Route) => {
    window.location.hash = routeHref(next);
  }, []);
  return [route, navigate];
}
