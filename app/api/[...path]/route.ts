import { route } from '@/lib/api/route';
import { HttpError } from '@/lib/platform/http/errors';

// Unknown API paths answer in the API's own error shape, not with the HTML not-found page.
const notFound = route({ sameOrigin: false }, () => {
  throw new HttpError('not_found', 'No such API route.');
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
