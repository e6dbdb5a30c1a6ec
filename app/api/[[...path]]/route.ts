import { nowhere } from '@/lib/api/route';

// Unknown API paths, /api itself included, answer in the API's own error shape (every method), not
// with the HTML not-found page.
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = nowhere();
