import type { Route } from '../../app/routes';
import { NotBuiltPage } from '../placeholder/NotBuiltPage';

// Not built yet: the area says so plainly instead of showing anything that looks like data.
export function CluesPage(_props: { readonly rest: readonly string[]; readonly navigate: (r: Route) => void }) {
  return <NotBuiltPage area="clues" />;
}
