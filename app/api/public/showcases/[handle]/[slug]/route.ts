import { showcaseJsonMethods } from '../../showcase-json';

export const dynamic = 'force-dynamic';

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = showcaseJsonMethods('slug');
