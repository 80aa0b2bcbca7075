import { describe, expect, it } from 'vitest';
import { parseRoute, routeToHash } from '../../app/router';

describe('review routes', () => {
  it('reads and writes #/inbox and #/review/<id>', () => {
    expect(parseRoute('#/inbox')).toEqual({ name: 'inbox' });
    expect(parseRoute('#/review/01JP2M3N4P5Q6R7S8T9V0W1X2Y')).toEqual({ name: 'review', id: '01JP2M3N4P5Q6R7S8T9V0W1X2Y' });
    expect(parseRoute('#/review')).toEqual({ name: 'proposals' });
    expect(routeToHash({ name: 'review', id: 'A1' })).toBe('#/review/A1');
    expect(parseRoute(routeToHash({ name: 'inbox' }))).toEqual({ name: 'inbox' });
  });
});
