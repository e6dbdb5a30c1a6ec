import { jsonError } from '@/lib/http';

// Unknown API paths answer in the API's own error shape, not with the HTML not-found page.
function notFound() {
  return jsonError('not_found', 'No such API route.');
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
